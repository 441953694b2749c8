// The Function App's app settings, applied after the role assignments so the Key Vault reference and the
// identity-based storage connections resolve on first start. The names are the ones functions/src/config.ts reads.

param functionAppName string
param settings object

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: settings
}
