// RegieBot in Azure: Azure Bot (single tenant, Teams channel), an App Service plan with a Linux Web App on
// .NET 10 (two or more instances), a Storage account with the bot's tables, and one user-assigned managed
// identity that the Web App uses for Table Storage (Storage Table Data Contributor), for the Key Vault
// reference to the bot's client secret, and — with botAppType 'UserAssignedMSI' — as the bot's own identity.
//
//   az deployment group create -g <resource group> -f infra/main.bicep -p infra/main.bicepparam
//
// The app settings below are the configuration keys the bot reads (see docs/deploy.md).

targetScope = 'resourceGroup'

@description('Short name for the resources: lower-case letters and digits, 3 to 11 characters.')
@minLength(3)
@maxLength(11)
param name string = 'regiebot'

@description('Region of the Web App, plan, storage, identity and Key Vault. The Azure Bot itself is global.')
param location string = resourceGroup().location

@description('SingleTenant: the bot uses an Entra ID app registration (botAppId) and its client secret (botAppPassword). UserAssignedMSI: the bot uses the managed identity created here; no app registration and no secret.')
@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param botAppType string = 'SingleTenant'

@description('SingleTenant only: the Application (client) ID of the bot\'s app registration.')
param botAppId string = ''

@description('SingleTenant only: a client secret of that app registration. Stored in Key Vault, never in an app setting.')
@secure()
param botAppPassword string = ''

@description('The Entra ID tenant of the bot (and of the Teams users it serves).')
param tenantId string = tenant().tenantId

@description('Extra Teams tenants whose activities the bot accepts. Empty: only tenantId.')
param allowedTenantIds string[] = []

@description('App Service plan SKU (Linux). Basic or higher for Always On; P0v3 or higher recommended.')
param appServiceSku string = 'P0v3'

@description('Number of Web App instances; at least two, so that one can restart while the other serves.')
@minValue(2)
@maxValue(10)
param instanceCount int = 2

@description('Azure Bot SKU. Teams is a standard channel: F0 is enough.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Redundancy of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_ZRS'

@description('Host name the personal tab "Mijn regiekaarten" is served on, when not the Web App\'s default host name (a custom domain): RegieBot__Tab__Domain. The tab\'s SSO tokens are for api://<this domain>/<botAppId>, the app registration\'s exposed API (docs/deploy.md, step 3a). Empty: the Web App\'s own host name (WEBSITE_HOSTNAME).')
param tabDomain string = ''

@description('Prefix of every table name (RegieBot__Storage__TablePrefix).')
param tablePrefix string = 'Regie'

@description('Optional OTLP endpoint for traces and metrics (OTEL_EXPORTER_OTLP_ENDPOINT); empty: no export.')
param otlpEndpoint string = ''

@description('Tags for every resource.')
param tags object = {
  application: 'RegieBot'
}

// The tables RegieBot uses (src/RegieBot.Storage/RegieTables.cs); the bot also creates missing ones at start.
var tableNames = [
  'Conversations'
  'Turns'
  'Kaarten'
  'Threads'
  'MemberIndex'
  'Reminders'
  'TeamIndex'
  'Retention'
  'Work'
]

var baseName = toLower(name)
var suffix = uniqueString(resourceGroup().id, baseName)
var usesManagedIdentityBot = botAppType == 'UserAssignedMSI'

// Built-in role definitions.
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${baseName}-${suffix}'
  location: location
  tags: tags
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take('st${baseName}${suffix}', 24)
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false // only Entra ID (the managed identity): no account keys or connection strings
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [
  for table in tableNames: {
    parent: tableService
    name: '${tablePrefix}${table}'
  }
]

resource storageRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = if (!usesManagedIdentityBot) {
  name: take('kv-${baseName}-${suffix}', 24)
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
  }
}

resource appPassword 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!usesManagedIdentityBot) {
  parent: vault
  name: 'MicrosoftAppPassword'
  properties: {
    value: botAppPassword
  }
}

resource vaultRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!usesManagedIdentityBot) {
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'asp-${baseName}-${suffix}'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

var identitySettings = [
  {
    name: 'MicrosoftAppType'
    value: botAppType
  }
  {
    name: 'MicrosoftAppId'
    value: usesManagedIdentityBot ? identity.properties.clientId : botAppId
  }
  {
    name: 'MicrosoftAppTenantId'
    value: tenantId
  }
]

var passwordSettings = usesManagedIdentityBot
  ? []
  : [
      {
        name: 'MicrosoftAppPassword'
        value: '@Microsoft.KeyVault(SecretUri=${appPassword!.properties.secretUri})'
      }
    ]

var commonSettings = [
  {
    name: 'ASPNETCORE_ENVIRONMENT'
    value: 'Production'
  }
  {
    // Program.cs listens on 127.0.0.1:3978 unless urls is set; App Service forwards to port 8080.
    name: 'ASPNETCORE_URLS'
    value: 'http://0.0.0.0:8080'
  }
  {
    name: 'WEBSITES_PORT'
    value: '8080'
  }
  {
    name: 'WEBSITE_RUN_FROM_PACKAGE'
    value: '1'
  }
  {
    name: 'RegieBot__Storage__AccountUri'
    value: storage.properties.primaryEndpoints.table
  }
  {
    name: 'RegieBot__Storage__ManagedIdentityClientId'
    value: identity.properties.clientId
  }
  {
    name: 'RegieBot__Storage__TablePrefix'
    value: tablePrefix
  }
  {
    name: 'AZURE_CLIENT_ID'
    value: identity.properties.clientId
  }
  {
    name: 'OTEL_SERVICE_NAME'
    value: 'regiebot'
  }
]

var tenantSettings = [
  for (allowed, i) in allowedTenantIds: {
    name: 'RegieBot__Security__AllowedTenantIds__${i}'
    value: allowed
  }
]

var tabSettings = empty(tabDomain)
  ? []
  : [
      {
        name: 'RegieBot__Tab__Domain'
        value: tabDomain
      }
    ]

var telemetrySettings = empty(otlpEndpoint)
  ? []
  : [
      {
        name: 'OTEL_EXPORTER_OTLP_ENDPOINT'
        value: otlpEndpoint
      }
    ]

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-${baseName}-${suffix}'
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appSettings: concat(identitySettings, passwordSettings, commonSettings, tenantSettings, tabSettings, telemetrySettings)
    }
  }
  dependsOn: [
    storageRole
    vaultRole
    tables
  ]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: 'bot-${baseName}-${suffix}'
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: 'RegieBot'
    endpoint: 'https://${site.properties.defaultHostName}/api/messages'
    msaAppType: botAppType
    msaAppId: usesManagedIdentityBot ? identity.properties.clientId : botAppId
    msaAppTenantId: tenantId
    msaAppMSIResourceId: usesManagedIdentityBot ? identity.id : null
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

// Every Azure Bot gets Web Chat (and Direct Line) with a default site: their clients write the activity's from
// and channelData themselves. RegieBot serves Teams only (it answers 403 to any other channelId): the default
// sites are declared here, switched off.
resource webChat 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: 'global'
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: false
          isWebchatPreviewEnabled: false
        }
      ]
    }
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: false
          isV1Enabled: false
          isV3Enabled: false
          isSecureSiteEnabled: true
        }
      ]
    }
  }
}

@description('Deploy the bot to this Web App (az webapp deploy --name ...).')
output webAppName string = site.name

@description('The messaging endpoint the Azure Bot calls.')
output botEndpoint string = bot.properties.endpoint

@description('The bot id for the Teams app package (BOT_ID).')
output botId string = bot.properties.msaAppId

output botName string = bot.name
output storageAccountName string = storage.name
output managedIdentityClientId string = identity.properties.clientId
output teamsChannelEnabled bool = teams.properties.properties.isEnabled

// For the Microsoft 365 Agents Toolkit (m365agents.yml): arm/deploy writes each output to the environment file under
// its name in upper case, so these two are named as the variables azureAppService/zipDeploy and the docs read.
@description('The Web App\'s resource id (WEB_APP_RESOURCE_ID, the target of azureAppService/zipDeploy).')
output WEB_APP_RESOURCE_ID string = site.id

@description('The Web App\'s host name (BOT_DOMAIN).')
output BOT_DOMAIN string = empty(tabDomain) ? site.properties.defaultHostName : tabDomain
