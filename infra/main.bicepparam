// Parameters for infra/main.bicep. Secrets come from the environment, never from this file; the variables are named
// as in m365agents.yml, env/ and scripts/package-app.sh (BOT_ID, SECRET_BOT_PASSWORD):
//   BOT_ID=<client id> SECRET_BOT_PASSWORD=<secret> az deployment group create -g <rg> -f infra/main.bicep -p infra/main.bicepparam
using 'main.bicep'

param name = readEnvironmentVariable('REGIEBOT_NAME', 'regiebot')
param botAppType = readEnvironmentVariable('BOT_APP_TYPE', 'SingleTenant')
param botAppId = readEnvironmentVariable('BOT_ID', '')
param botAppPassword = readEnvironmentVariable('SECRET_BOT_PASSWORD', '')
param instanceCount = 2
