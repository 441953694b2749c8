// Log Analytics workspace and the workspace-based Application Insights resource the Function App logs to.

param location string
param tags object
param logAnalyticsName string
param appInsightsName string

@description('Days to keep logs; 30 is included in the Log Analytics price.')
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-07-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

output appInsightsName string = appInsights.name
output connectionString string = appInsights.properties.ConnectionString
