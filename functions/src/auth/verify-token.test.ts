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
  const mint = (signWith = keys.privateKey, oid = "person-1", claims: Record<string, unknown> = { scp: "access_as_user" }) =>
    new SignJWT({ tid: TENANT, oid, name: "Ada", ...claims })
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

describe("only a person's delegated token with the access_as_user scope is accepted", () => {
  const refused: [string, Record<string, unknown>, string][] = [
    ["no scp claim (an ID token, or an app-only token without idtyp)", {}, "The token is not a delegated access token (it has no scp claim)."],
    ["app-only, idtyp app", { idtyp: "app" }, "App-only tokens are not accepted: sign in as a person."],
    ["app-only with the admin app role", { idtyp: "app", roles: ["Cascade.Admin"] }, "App-only tokens are not accepted: sign in as a person."],
    ["app-only with roles but no idtyp", { roles: ["Cascade.Admin"] }, "The token is not a delegated access token (it has no scp claim)."],
    ["idtyp app even with a scope", { idtyp: "app", scp: "access_as_user" }, "App-only tokens are not accepted: sign in as a person."],
    ["delegated, another scope only", { scp: "User.Read openid" }, "The token was not granted the access_as_user scope."],
    ["delegated, a scope that only contains the name", { scp: "access_as_user_extra" }, "The token was not granted the access_as_user scope."],
    ["scp that is not a string", { scp: ["access_as_user"] }, "The token is not a delegated access token (it has no scp claim)."],
  ];

  test.each(refused)("refused: %s", async (_shape, claims, message) => {
    const { verify, mint } = await setUp();
    const token = await mint(undefined, "person-1", claims);
    await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({ code: "insufficient_scope", status: 403, message });
    // A refused token is not remembered: asked again, it is refused again.
    await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({ code: "insufficient_scope" });
  });

  test("access_as_user among other scopes is a person without admin rights", async () => {
    const { verify, mint } = await setUp();
    const principal = await verify(`Bearer ${await mint(undefined, "person-1", { scp: "openid access_as_user User.Read", idtyp: "user" })}`);
    expect(principal).toEqual({ tenantId: TENANT, userId: "person-1", name: "Ada", roles: [] });
  });

  test("the Cascade.Admin app role on a delegated token makes the person an admin", async () => {
    const { verify, mint } = await setUp();
    const principal = await verify(`Bearer ${await mint(undefined, "person-1", { scp: "access_as_user", roles: ["Cascade.Admin"] })}`);
    expect(principal.roles).toEqual(["Cascade.Admin"]);
  });
});
