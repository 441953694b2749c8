import { describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { describeSignIn } from "./sign-in-settings.js";

const CLIENT_ID = "6f1c2a43-9d8e-4b7a-a1c2-0e9f8d7c6b5a";
const TENANT_ID = "0b7c4f52-3c61-4d4e-9a51-2f0e8e6a1d11";
const base = { AUTH_MODE: "entra", AAD_APP_CLIENT_ID: CLIENT_ID, STORAGE_CONNECTION_STRING: "UseDevelopmentStorage=true" };

describe("describeSignIn", () => {
  it("says only the mode in local development", () => {
    expect(describeSignIn(loadConfig({ ...base, AUTH_MODE: "dev" }))).toEqual({ mode: "dev" });
  });

  it("gives the tenant's authority and the access_as_user scope of the tab's application ID URI", () => {
    const config = loadConfig({ ...base, AAD_APP_TENANT_ID: TENANT_ID, TAB_DOMAIN: "cascade.contoso.com" });
    expect(describeSignIn(config)).toEqual({
      mode: "entra",
      clientId: CLIENT_ID,
      authority: `https://login.microsoftonline.com/${TENANT_ID}`,
      scopes: [`api://cascade.contoso.com/${CLIENT_ID}/access_as_user`],
      knownAuthorities: ["login.microsoftonline.com"],
    });
  });

  it("follows ENTRA_AUTHORITY_HOST, port included, for a private cloud or a local stand-in", () => {
    const config = loadConfig({ ...base, AAD_APP_TENANT_ID: TENANT_ID, ENTRA_AUTHORITY_HOST: "https://127.0.0.1:8443/" });
    const settings = describeSignIn(config);
    expect(settings).toMatchObject({ authority: `https://127.0.0.1:8443/${TENANT_ID}`, knownAuthorities: ["127.0.0.1:8443"], scopes: [`api://${CLIENT_ID}/access_as_user`] });
  });

  it("uses the one allowed tenant, or any organisation when several are allowed", () => {
    const one = describeSignIn(loadConfig({ ...base, ALLOWED_TENANT_IDS: TENANT_ID }));
    expect(one).toMatchObject({ authority: `https://login.microsoftonline.com/${TENANT_ID}` });
    const several = describeSignIn(loadConfig({ ...base, ALLOWED_TENANT_IDS: `${TENANT_ID},${CLIENT_ID}` }));
    expect(several).toMatchObject({ authority: "https://login.microsoftonline.com/organizations" });
  });

  it("reveals no secret", () => {
    const config = loadConfig({ ...base, AAD_APP_TENANT_ID: TENANT_ID, AAD_APP_CLIENT_SECRET: "very-secret-value", BOT_CLIENT_SECRET: "bot-secret-value" });
    expect(JSON.stringify(describeSignIn(config))).not.toMatch(/secret-value/);
  });
});
