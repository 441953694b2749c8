/** Forged, stale, misdirected and app-only tokens sent over HTTP to the API in both sign-in modes: every
 * one is refused with problem+json on every kind of route, and none of them writes anything. */
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWK } from "jose";
import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { startCascade, type RunningCascade } from "../../functions/dev/start-cascade.js";
import { DEV_AUDIENCE, devIssuerFor } from "../../functions/src/auth/dev-issuer.js";
import { buildCycle, buildGoalBody, startApiHarness, type ApiHarness } from "../support/api-harness.js";
import { buildSmallOrg } from "../support/org-builder.js";
import { readTenantRows } from "../support/table-scan.js";
import { recordCounts } from "./support/counts.js";

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const decode = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;
const hmac = (input: string, secret: string) => `${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`;

/** Rewrites a signed token's header or payload and keeps its old signature. */
function tamper(token: string, change: { header?: Record<string, unknown>; payload?: Record<string, unknown> }): string {
  const [h, p, s] = token.split(".");
  return `${b64({ ...decode(h!), ...change.header })}.${b64({ ...decode(p!), ...change.payload })}.${s}`;
}

/** What an attacker has: a key pair of their own, and the deployment's public signing key. */
interface Attacker {
  privateKey: CryptoKey;
  publicJwk: JWK;
  victimJwk: JWK;
  victimPem: string;
}

async function createAttacker(victimJwk: JWK): Promise<Attacker> {
  const own = await generateKeyPair("RS256", { extractable: true });
  const victim = await (await import("jose")).importJWK(victimJwk, "RS256");
  return { privateKey: own.privateKey, publicJwk: await exportJWK(own.publicKey), victimJwk, victimPem: await exportSPKI(victim as CryptoKey) };
}

/** Attacks that need no valid signing key, given the claims a genuine token would carry. */
function forgeries(attacker: Attacker, claims: Record<string, unknown>, genuine: () => Promise<string>): Array<[string, () => Promise<string>]> {
  const kid = attacker.victimJwk.kid!;
  const now = Math.floor(Date.now() / 1000);
  const body = { ...claims, iat: now, nbf: now - 5, exp: now + 3600 };
  const signOwn = (header: Record<string, unknown>, payload: Record<string, unknown> = body) =>
    new SignJWT(payload).setProtectedHeader({ alg: "RS256", typ: "JWT", ...header }).sign(attacker.privateKey);
  return [
    ["alg none", async () => `${b64({ alg: "none", typ: "JWT" })}.${b64(body)}.`],
    ["alg NONE with the real kid", async () => `${b64({ alg: "NONE", kid, typ: "JWT" })}.${b64(body)}.`],
    ["HS256 keyed with the public JWK", async () => hmac(`${b64({ alg: "HS256", kid, typ: "JWT" })}.${b64(body)}`, JSON.stringify(attacker.victimJwk))],
    ["HS256 keyed with the public PEM", async () => hmac(`${b64({ alg: "HS256", kid, typ: "JWT" })}.${b64(body)}`, attacker.victimPem)],
    ["HS256 keyed with the modulus", async () => hmac(`${b64({ alg: "HS256", kid, typ: "JWT" })}.${b64(body)}`, attacker.victimJwk.n!)],
    ["own key under the real kid (confused kid)", () => signOwn({ kid })],
    ["own key under an unknown kid", () => signOwn({ kid: randomUUID() })],
    ["own key with no kid", () => signOwn({})],
    ["own key with a path-like kid", () => signOwn({ kid: "../../../../dev/null" })],
    ["own key embedded as a jwk header", () => signOwn({ kid: "attacker", jwk: attacker.publicJwk })],
    ["own key offered by a jku header", () => signOwn({ kid: "attacker", jku: "http://127.0.0.1:9/keys" })],
    ["stripped signature", async () => `${(await genuine()).split(".").slice(0, 2).join(".")}.`],
    ["signature from another token", async () => `${(await genuine()).split(".").slice(0, 2).join(".")}.${(await signOwn({ kid })).split(".")[2]}`],
    ["payload changed to another person", async () => tamper(await genuine(), { payload: { oid: randomUUID() } })],
    ["payload given the admin role", async () => tamper(await genuine(), { payload: { roles: ["Cascade.Admin"] } })],
    ["header switched to alg none", async () => tamper(await genuine(), { header: { alg: "none" } })],
    ["oversized forged token", async () => `${b64({ alg: "RS256", kid, typ: "JWT" })}.${b64({ ...body, pad: "x".repeat(12_000) })}.${"A".repeat(342)}`],
    ["two tokens joined", async () => `${await genuine()}.${await genuine()}`],
    ["not a JWT", async () => "not-a-token"],
  ];
}

interface Target {
  mode: string;
  url: string;
  tenantId: string;
  valid: () => Promise<string>;
}

const ROUTES: Array<{ method: string; path: string; body?: unknown }> = [
  { method: "GET", path: "/api/me" },
  { method: "POST", path: "/api/goals", body: buildGoalBody() },
  { method: "GET", path: "/api/admin/settings" },
  { method: "POST", path: "/api/card-actions", body: { verb: "goal.refresh", data: { goalId: randomUUID() } } },
];

let requests = 0;
let refused = 0;

/** Sends the token to every route; each must answer 401 (or 403 insufficient_scope) problem+json, or 431 when Node refuses the headers. */
async function expectRefused(target: Target, token: string): Promise<void> {
  for (const route of ROUTES) {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (route.body !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(`${target.url}${route.path}`, { method: route.method, headers, body: route.body === undefined ? undefined : JSON.stringify(route.body) });
    requests++;
    const text = await response.text();
    const code = response.headers.get("content-type")?.includes("application/problem+json") ? (JSON.parse(text) as { code?: string }).code : undefined;
    // 401 for a token that is not valid; 403 insufficient_scope for a valid token that may not act as a person.
    if ((response.status === 401 && code === "unauthenticated") || (response.status === 403 && code === "insufficient_scope")) refused++;
    else if (response.status === 431) refused++;
    else expect.fail(`${target.mode} ${route.method} ${route.path} answered ${response.status}: ${text.slice(0, 200)}`);
  }
}

async function expectAccepted(target: Target, token: string): Promise<void> {
  const response = await fetch(`${target.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
}

describe("in Entra mode", () => {
  let api: ApiHarness;
  let attacker: Attacker;
  let target: Target;
  let rowsBefore: number;

  beforeAll(async () => {
    api = await startApiHarness(inject("azuriteConnectionString"));
    const keys = (await (await fetch(api.issuer.jwksUrl)).json()) as { keys: JWK[] };
    attacker = await createAttacker(keys.keys[0]!);
    target = { mode: "entra", url: api.url, tenantId: api.tenantId, valid: () => api.tokenFor(api.org.alice) };
    rowsBefore = (await readTenantRows(inject("azuriteConnectionString"), [api.tenantId])).length;
  });
  afterAll(async () => {
    expect((await readTenantRows(inject("azuriteConnectionString"), [api.tenantId])).length).toBe(rowsBefore);
    await api?.stop();
  });

  const alice = () => ({ tid: api.tenantId, oid: api.org.alice.id });
  /** Tokens signed with the deployment's real key, whose claims are wrong. */
  const misdirected: Array<[string, () => Promise<string>]> = [
    ["expired an hour ago", () => api.issuer.mint({ ...alice(), expiresInSeconds: -3600 })],
    ["expired beyond the clock tolerance", () => api.issuer.mint({ ...alice(), expiresInSeconds: -400 })],
    ["not valid for another 15 minutes (nbf)", () => api.issuer.mint({ ...alice(), notBeforeSeconds: 900 })],
    ["for another audience", () => api.issuer.mint({ ...alice(), aud: "api://someone-else" })],
    ["for Microsoft Graph", () => api.issuer.mint({ ...alice(), aud: "https://graph.microsoft.com" })],
    ["with no audience", () => api.issuer.mint({ ...alice(), extra: { aud: undefined } })],
    ["from another issuer", () => api.issuer.mint({ ...alice(), iss: "https://evil.example/v2.0" })],
    ["issued by another tenant's authority", () => api.issuer.mint({ ...alice(), iss: `${api.issuer.authorityHost}/${api.otherTenantId}/v2.0` })],
    ["tid of another allowed tenant than its issuer", () => api.issuer.mint({ ...alice(), tid: api.otherTenantId, iss: `${api.issuer.authorityHost}/${api.tenantId}/v2.0` })],
    ["from a tenant that is not allowed", () => api.issuer.mint({ ...alice(), tid: randomUUID() })],
    ["with no tid", () => api.issuer.mint({ ...alice(), extra: { tid: undefined } })],
    ["with a tid that is not an id", () => api.issuer.mint({ ...alice(), extra: { tid: "' or 1 eq 1 or '" } })],
    ["with no oid", () => api.issuer.mint({ ...alice(), extra: { oid: undefined } })],
    ["with an empty oid", () => api.issuer.mint({ ...alice(), oid: "" })],
    ["with no exp", () => api.issuer.mint({ ...alice(), extra: { exp: undefined } })],
    ["app-only (idtyp app, no scp)", () => api.issuer.mint({ ...alice(), extra: { idtyp: "app", scp: undefined } })],
    ["app-only with the admin app role", () => api.issuer.mint({ ...alice(), roles: ["Cascade.Admin"], extra: { idtyp: "app", scp: undefined } })],
    ["app-only claiming access_as_user", () => api.issuer.mint({ ...alice(), extra: { idtyp: "app", scp: "access_as_user" } })],
    ["delegated with no scp", () => api.issuer.mint({ ...alice(), extra: { scp: undefined } })],
    ["delegated with an empty scp", () => api.issuer.mint({ ...alice(), extra: { scp: "" } })],
    ["delegated with other scopes only", () => api.issuer.mint({ ...alice(), extra: { scp: "User.Read openid profile" } })],
    ["delegated with a look-alike scope", () => api.issuer.mint({ ...alice(), extra: { scp: "access_as_user_x" } })],
  ];

  test("a genuine token is accepted, so refusals below are about the token", async () => {
    await expectAccepted(target, await target.valid());
  });

  test.each(misdirected)("signed by the real key but %s", async (_name, mint) => {
    await expectRefused(target, await mint());
  });

  test("forgeries without the signing key", async () => {
    const claims = { ...decode((await target.valid()).split(".")[1]!), exp: undefined };
    const cases = forgeries(attacker, claims, target.valid);
    for (const [name, make] of cases) {
      await expect(expectRefused(target, await make()), name).resolves.toBeUndefined();
    }
  });

  test("a token from the local development issuer", async () => {
    const dev = await (await import("../../functions/src/auth/dev-issuer.js")).createDevIssuer();
    const { token } = await dev.mint({ tenantId: api.tenantId, userId: api.org.alice.id, name: "Alice", roles: ["Cascade.Admin"] });
    await expectRefused(target, token);
  });
});

describe("in local development mode", () => {
  let cascade: RunningCascade;
  let attacker: Attacker;
  let target: Target;
  const org = buildSmallOrg();

  beforeAll(async () => {
    cascade = await startCascade({ env: { AUTH_MODE: "dev", STORAGE_CONNECTION_STRING: inject("azuriteConnectionString"), LOG_LEVEL: "error" }, port: 0, isSeeded: false });
    const dev = cascade.services.dev!;
    await cascade.services.directory.upsertPeople(dev.tenantId, org.all);
    await cascade.services.goalDeps.cycles.saveCycle(buildCycle(dev.tenantId));
    attacker = await createAttacker(dev.issuer.jwks.keys[0]!);
    target = {
      mode: "dev",
      url: cascade.url,
      tenantId: dev.tenantId,
      valid: async () => (await dev.issuer.mint({ tenantId: dev.tenantId, userId: org.alice.id, name: org.alice.displayName, roles: [] })).token,
    };
  });
  afterAll(async () => cascade?.stop());

  test("a genuine token is accepted, so refusals below are about the token", async () => {
    await expectAccepted(target, await target.valid());
  });

  test("forgeries without the signing key", async () => {
    const claims = { tid: target.tenantId, oid: org.alice.id, name: "Alice", roles: [], ver: "2.0", iss: devIssuerFor(target.tenantId), aud: DEV_AUDIENCE };
    for (const [name, make] of forgeries(attacker, claims, target.valid)) {
      await expect(expectRefused(target, await make()), name).resolves.toBeUndefined();
    }
  });

  test("a token the development issuer minted for another tenant", async () => {
    const { token } = await cascade.services.dev!.issuer.mint({ tenantId: randomUUID(), userId: org.alice.id, name: "Alice", roles: ["Cascade.Admin"] });
    await expectRefused(target, token);
  });

  test("a token from an Entra-style issuer", async () => {
    const entra = await (await import("../support/test-issuer.js")).startTestIssuer();
    try {
      await expectRefused(target, await entra.mint({ tid: target.tenantId, oid: org.alice.id, iss: devIssuerFor(target.tenantId), aud: DEV_AUDIENCE }));
    } finally {
      await entra.close();
    }
  });
});

afterAll(() => {
  recordCounts({ tokenAttacks: requests, tokenAttacksRefused: refused });
});
