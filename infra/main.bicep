// Cascade on Azure: a Flex Consumption Function App that serves the API, the bot endpoint and the tab
// (same origin), Table Storage reached with managed identity only, Key Vault for the one secret,
// Application Insights, and the Azure Bot with its Teams channel.
//
// Deploy with the Microsoft 365 Agents Toolkit (infra/m365agents.yml) or directly:
//   az deployment group create -g <resource-group> -f infra/main.bicep -p resourceBaseName=cascade-prod \
//     aadAppClientId=<client id> aadAppClientSecret=<secret>
// See infra/README.md for the Entra app these parameters come from.

targetScope = 'resourceGroup'

@minLength(3)
@maxLength(20)
@description('Lowercase letters, digits and hyphens; every resource name is derived from it, e.g. cascade-prod.')
param resourceBaseName string

@description('Region for everything except the Azure Bot, which is global. The region must offer the Flex Consumption plan.')
param location string = resourceGroup().location

@description('Application (client) id of the Entra app registration used for tab sign-in, Microsoft Graph and the bot.')
param aadAppClientId string

@description('Tenant id of that Entra app registration.')
param aadAppTenantId string = tenant().tenantId

@secure()
@description('Client secret of the Entra app registration. It goes into Key Vault only.')
param aadAppClientSecret string

@description('Microsoft App id the Azure Bot uses. Cascade uses the same Entra app for the bot, so leave the default.')
param botId string = aadAppClientId

@description('Comma-separated tenant ids whose users may sign in. Defaults to the app registration\'s own tenant.')
param allowedTenantIds string = aadAppTenantId

@description('The Teams app\'s id in your organisation\'s app catalog (Teams admin center, Manage apps, Cascade, App ID), which for an app uploaded there is not the manifest id. Sets TEAMS_APP_ID: card links open the tab in Teams, and Cascade can install its app for people. Empty leaves the app\'s current TEAMS_APP_ID as it is, so a value set in the portal survives redeployments.')
param teamsAppId string = ''

@description('NCRONTAB schedule of the org-chart sync from Microsoft Graph (six fields, seconds first, UTC).')
param syncSchedule string = '0 0 * * * *'

@allowed([
  512
  2048
  4096
])
@description('Memory of each instance. The Node.js heap is sized from it (infra/worker-memory.json).')
param instanceMemoryMB int = 2048

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
@description('Redundancy of the account that holds Cascade\'s data (goals, check-ins, history).')
param dataStorageSku string = 'Standard_LRS'

param tags object = {}

var suffix = uniqueString(resourceGroup().id, resourceBaseName)
var compactName = take(toLower(replace(resourceBaseName, '-', '')), 8)
var deploymentContainerName = 'app-package'
var names = {
  logAnalytics: 'log-${resourceBaseName}'
  appInsights: 'appi-${resourceBaseName}'
  hostStorage: take('st${compactName}h${suffix}', 24)
  dataStorage: take('st${compactName}d${suffix}', 24)
  keyVault: take('kv${compactName}${suffix}', 24)
  plan: 'plan-${resourceBaseName}'
  functionApp: 'func-${resourceBaseName}-${take(suffix, 6)}'
  bot: 'bot-${resourceBaseName}-${take(suffix, 6)}'
}
var allTags = union({ app: 'cascade' }, tags)
// Node.js sizes its heap at a quarter of the instance's memory unless told otherwise, which a directory
// sync of a million people outgrows; the rest of the instance is left to buffers, code and the host.
// Between collections the heap may grow by heapGrowingPercent of what is live (Node.js lets it grow to
// several times that), so a long job's garbage does not take the instance's memory first.
var workerMemory = loadJsonContent('worker-memory.json')
var nodeHeapMB = instanceMemoryMB * workerMemory.heapPercentOfInstanceMemory / 100
var nodeArguments = '--max-old-space-size=${nodeHeapMB} --heap-growing-percent=${workerMemory.heapGrowingPercent}'

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: allTags
    logAnalyticsName: names.logAnalytics
    appInsightsName: names.appInsights
  }
}

// Functions host state and the deployment package, kept apart from Cascade's data.
module hostStorage 'modules/storage-account.bicep' = {
  name: 'host-storage'
  params: {
    location: location
    tags: allTags
    name: names.hostStorage
    containerNames: [
      deploymentContainerName
    ]
  }
}

module dataStorage 'modules/storage-account.bicep' = {
  name: 'data-storage'
  params: {
    location: location
    tags: allTags
    name: names.dataStorage
    skuName: dataStorageSku
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    location: location
    tags: allTags
    name: names.keyVault
    // The vault belongs to the subscription's directory, which may not be the app registration's.
    tenantId: tenant().tenantId
    clientSecret: aadAppClientSecret
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  params: {
    location: location
    tags: allTags
    planName: names.plan
    functionAppName: names.functionApp
    hostStorageBlobEndpoint: hostStorage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
  }
}

// Names known before deployment (rather than module outputs) keep What-If's predictions precise; the
// dependsOn lists say what must exist first.
module access 'modules/access.bicep' = {
  name: 'access'
  dependsOn: [
    dataStorage
    keyVault
  ]
  params: {
    principalId: functionApp.outputs.principalId
    hostStorageName: names.hostStorage
    dataStorageName: names.dataStorage
    keyVaultName: names.keyVault
  }
}

module appSettings 'modules/app-settings.bicep' = {
  name: 'app-settings'
  dependsOn: [
    access
  ]
  params: {
    functionAppName: names.functionApp
    settings: {
      AzureWebJobsStorage__accountName: hostStorage.outputs.name
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
      AUTH_MODE: 'entra'
      AAD_APP_CLIENT_ID: aadAppClientId
      AAD_APP_TENANT_ID: aadAppTenantId
      AAD_APP_CLIENT_SECRET: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.secretUri})'
      ALLOWED_TENANT_IDS: allowedTenantIds
      STORAGE_TABLE_ENDPOINT: dataStorage.outputs.tableEndpoint
      BOT_ID: botId
      BOT_TENANT_ID: aadAppTenantId
      TAB_DOMAIN: functionApp.outputs.defaultHostName
      SYNC_SCHEDULE: syncSchedule
      languageWorkers__node__arguments: nodeArguments
    }
    settingsIfGiven: {
      TEAMS_APP_ID: teamsAppId
    }
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    tags: allTags
    name: names.bot
    messagingEndpoint: 'https://${functionApp.outputs.defaultHostName}/api/messages'
    msaAppId: botId
    msaAppTenantId: aadAppTenantId
  }
}

// Upper-case names: the Agents Toolkit's arm/deploy writes each output into env/.env.<env> under its own name.
output TAB_DOMAIN string = functionApp.outputs.defaultHostName
output TAB_ENDPOINT string = 'https://${functionApp.outputs.defaultHostName}'
output BOT_ID string = botId
output FUNCTION_APP_NAME string = functionApp.outputs.name
output FUNCTION_APP_RESOURCE_ID string = functionApp.outputs.id
output BOT_SERVICE_NAME string = bot.outputs.name
output KEY_VAULT_NAME string = keyVault.outputs.name
output STORAGE_TABLE_ENDPOINT string = dataStorage.outputs.tableEndpoint
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.appInsightsName
