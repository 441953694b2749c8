// Azure Bot registration (single tenant) pointing at the Function App's /api/messages, with the Teams channel on.

param tags object
param name string
param displayName string = 'Cascade'
param messagingEndpoint string
param msaAppId string
param msaAppTenantId string

@allowed([
  'F0'
  'S1'
])
@description('F0 is enough: messages on the Teams channel are not metered.')
param sku string = 'F0'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppId: msaAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: msaAppTenantId
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

output name string = bot.name
