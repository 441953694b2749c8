import { describe, expect, it } from "vitest";
import { createDevIssuer } from "../auth/dev-issuer.js";
import { isLocalIssuerToken } from "./local-chat.js";

const TENANT = "11111111-2222-4333-8444-555555555555";

describe("isLocalIssuerToken", () => {
  it("recognises a token from the local development issuer", async () => {
    const issuer = await createDevIssuer();
    const { token } = await issuer.mint({ tenantId: TENANT, userId: "u1", name: "Ann", roles: [] });
    expect(isLocalIssuerToken(`Bearer ${token}`)).toBe(true);
  });

  it("sends anything else down the Bot Framework path", () => {
    const foreign = [Buffer.from('{"alg":"RS256"}').toString("base64url"), Buffer.from(JSON.stringify({ iss: "https://api.botframework.com", tid: TENANT })).toString("base64url"), "sig"].join(".");
    expect(isLocalIssuerToken(`Bearer ${foreign}`)).toBe(false);
    expect(isLocalIssuerToken("Bearer not-a-jwt")).toBe(false);
    expect(isLocalIssuerToken(null)).toBe(false);
  });
});
