// Parameters for infra/main.bicep. Secrets come from the environment, never from this file:
//   BOT_APP_ID=<client id> BOT_APP_PASSWORD=<secret> az deployment group create -g <rg> -f infra/main.bicep -p infra/main.bicepparam
using 'main.bicep'

param name = readEnvironmentVariable('REGIEBOT_NAME', 'regiebot')
param botAppType = readEnvironmentVariable('BOT_APP_TYPE', 'SingleTenant')
param botAppId = readEnvironmentVariable('BOT_APP_ID', '')
param botAppPassword = readEnvironmentVariable('BOT_APP_PASSWORD', '')
param instanceCount = 2
