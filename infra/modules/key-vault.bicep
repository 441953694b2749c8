// Key Vault (Azure RBAC, no access policies) holding the Entra app's client secret. The Function App
// reads it through a Key Vault reference in its app settings, so the secret never sits in app settings.

param location string
param tags object
param name string
param tenantId string

@description('Name of the secret that stores the Entra app client secret.')
param secretName string = 'aad-app-client-secret'

@secure()
param clientSecret string

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    publicNetworkAccess: 'Enabled'
  }
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: secretName
  properties: {
    value: clientSecret
    contentType: 'Entra app client secret for Cascade'
  }
}

output name string = vault.name
// Versionless, so a rotated secret is picked up without redeploying.
output secretUri string = secret.properties.secretUri
