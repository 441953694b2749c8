/** Installing Cascade for a person through the loopback Graph: MSAL's client-credentials token from the
 * Entra fake, the Graph SDK with its RetryHandler, and Graph's answers for installs (201), an app
 * installed already (409, then its chat), missing permission (403), unknown people (404) and 429. */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createGraphAppInstaller, type GraphInstallerOptions } from "../../functions/src/bot/app-installer.js";
import { INSTALL_SELF_PERMISSION } from "../fakes/fake-graph-installs.js";
import { startFakeEntra, type FakeEntra } from "../fakes/fake-entra.js";
import { startFakeGraph, type FakeGraph } from "../fakes/fake-graph.js";
import { generateOrg } from "../fakes/org-generator.js";

const tenantId = randomUUID();
const users = generateOrg({ size: 12, seed: 3 });
const catalogAppId = randomUUID();
const botId = randomUUID();
let entra: FakeEntra;
let graph: FakeGraph;
let options: GraphInstallerOptions;

beforeAll(async () => {
  entra = await startFakeEntra();
  graph = await startFakeGraph({ tenantId, users, verifyKey: entra.verifyKey });
  entra.registerClient(tenantId, "cascade-app", "secret", ["User.Read.All", INSTALL_SELF_PERMISSION]);
  entra.registerClient(tenantId, "unconsented-app", "secret");
  graph.apps.addCatalogApp({ id: catalogAppId, externalId: randomUUID(), displayName: "Cascade", clientId: "cascade-app", botId });
  options = { graphBaseUrl: graph.url, teamsAppId: catalogAppId, clientId: "cascade-app", clientSecret: "secret", authorityHost: entra.url, retryDelaySeconds: 0.05 };
});

afterAll(async () => {
  await graph.close();
  await entra.close();
});

describe("installing the app in a person's personal scope", () => {
  test("Graph installs it and answers 201", async () => {
    const person = users[1]!;
    expect(await createGraphAppInstaller(options).install(tenantId, person.id)).toEqual({ kind: "requested" });
    expect(graph.apps.findInstall(person.id, catalogAppId)).toBeDefined();
    expect(graph.apps.calls.filter((c) => c.userId === person.id)).toEqual([{ method: "POST", userId: person.id, teamsAppId: catalogAppId, status: 201 }]);
  });

  test("an app installed already (409) is found with its chat", async () => {
    const person = users[2]!;
    const existing = graph.apps.install(person.id, catalogAppId);
    const outcome = await createGraphAppInstaller(options).install(tenantId, person.id);
    expect(outcome).toEqual({ kind: "already_installed", chatId: existing.chatId });
    expect(graph.apps.calls.filter((c) => c.userId === person.id).map((c) => `${c.method} ${c.status}`)).toEqual(["POST 409", "GET 200", "GET 200"]);
  });

  test("without the permission and consent Graph answers 403", async () => {
    const outcome = await createGraphAppInstaller({ ...options, clientId: "unconsented-app" }).install(tenantId, users[3]!.id);
    expect(outcome).toEqual({ kind: "failed", reason: "forbidden", status: 403, retryAfterSeconds: null });
    expect(graph.apps.findInstall(users[3]!.id, catalogAppId)).toBeUndefined();
  });

  test("someone Graph does not know, or an app id not in the catalog, is a 404", async () => {
    expect(await createGraphAppInstaller(options).install(tenantId, randomUUID())).toMatchObject({ kind: "failed", reason: "not_found", status: 404 });
    expect(await createGraphAppInstaller({ ...options, teamsAppId: randomUUID() }).install(tenantId, users[4]!.id)).toMatchObject({ kind: "failed", reason: "not_found", status: 404 });
  });

  test("a 429 is waited out for as long as Retry-After says, then the install goes through", async () => {
    const person = users[5]!;
    graph.faults.push({ route: "installedApps", status: 429, retryAfter: "0.3", times: 1 });
    const started = performance.now();
    expect(await createGraphAppInstaller(options).install(tenantId, person.id)).toEqual({ kind: "requested" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(graph.apps.findInstall(person.id, catalogAppId)).toBeDefined();
  });

  test("throttling that does not end is reported as such, with Graph's Retry-After", async () => {
    graph.faults.push({ route: "installedApps", status: 429, retryAfter: "0.01", times: 100 });
    const outcome = await createGraphAppInstaller({ ...options, maxThrottleRounds: 0 }).install(tenantId, users[6]!.id);
    graph.faults.length = 0;
    expect(outcome).toMatchObject({ kind: "failed", reason: "throttled", status: 429, retryAfterSeconds: 0.01 });
  });
});
