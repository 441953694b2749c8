// The Function App's app settings, applied after the role assignments so the Key Vault reference and the
// identity-based storage connections resolve on first start. The names are the ones functions/src/config.ts
// reads (npm run check:infra compares them).
//
// A sites/config 'appsettings' resource replaces the app's whole set of settings. To keep what admins set
// elsewhere (TEAMS_APP_ID in the portal, say), the new set starts from the settings the app has now, read
// with list() when this module runs, which is after the app exists, so it works on the first deployment too.

param functionAppName string

@description('Settings this template owns: each deployment writes them, replacing the values the app has.')
param settings object

@description('Settings written only when given a value; an empty value leaves the app\'s current one in place.')
param settingsIfGiven object = {}

resource functionApp 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

var currentSettings = list('${functionApp.id}/config/appsettings', '2025-03-01').properties
var givenSettings = toObject(filter(items(settingsIfGiven), setting => !empty(setting.value)), setting => setting.key, setting => setting.value)

resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(currentSettings, settings, givenSettings)
}
