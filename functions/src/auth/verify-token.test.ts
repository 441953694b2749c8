import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWTVerifyGetKey } from "jose";
import { describe, expect, test } from "vitest";
import { createTokenVerifier } from "./verify-token.js";

const TENANT = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
const ISSUER = `https://login.example.test/${TENANT}/v2.0`;
const AUDIENCE = "api://cascade-test";

async function setUp() {
  const keys = await generateKeyPair("RS256", { extractable: true });
  const other = await generateKeyPair("RS256");
  const publicKey = await importJWK(await exportJWK(keys.publicKey), "RS256");
  let clock = Date.now();
  let keyLookups = 0;
  const getKey: JWTVerifyGetKey = async () => {
    keyLookups++;
    return publicKey;
  };
  const verify = createTokenVerifier({ getKey, issuersFor: () => [ISSUER], audiences: [AUDIENCE], allowedTenantIds: [TENANT], clockToleranceSeconds: 60, now: () => clock });
  const mint = (signWith = keys.privateKey, oid = "person-1") =>
    new SignJWT({ tid: TENANT, oid, name: "Ada" })
      .setProtectedHeader({ alg: "RS256" })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(Math.floor(clock / 1000))
      .setExpirationTime(Math.floor(clock / 1000) + 600)
      .sign(signWith);
  return { verify, mint, other, lookups: () => keyLookups, advance: (ms: number) => (clock += ms) };
}

describe("verified tokens are remembered until they expire", () => {
  test("the same token is checked once, and its principal comes back each time", async () => {
    const { verify, mint, lookups } = await setUp();
    const token = await mint();
    const first = await verify(`Bearer ${token}`);
    const second = await verify(`Bearer ${token}`);
    expect(second).toEqual({ tenantId: TENANT, userId: "person-1", name: "Ada", roles: [] });
    expect(second).toBe(first);
    expect(lookups()).toBe(1);
  });

  test("a remembered token is refused once it has expired", async () => {
    const { verify, mint, advance } = await setUp();
    const token = await mint();
    await verify(`Bearer ${token}`);
    advance(600_000 + 61_000);
    await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({ code: "unauthenticated", message: "The token has expired." });
  });

  test("a token with the same claims but another key's signature is still checked and refused", async () => {
    const { verify, mint, other } = await setUp();
    await verify(`Bearer ${await mint()}`);
    await expect(verify(`Bearer ${await mint(other.privateKey)}`)).rejects.toMatchObject({ message: "The token's signature is not valid." });
  });
});
