import { GraphError } from "@microsoft/microsoft-graph-client";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createGraphApi, splitGraphBaseUrl } from "../../functions/src/graph/graph-client.js";
import { createTokenSource } from "../../functions/src/graph/graph-token.js";
import { startFakeEntra, type FakeEntra } from "../fakes/fake-entra.js";
import { startFakeGraph, type FakeGraph } from "../fakes/fake-graph.js";
import { generateOrg } from "../fakes/org-generator.js";

const tenantId = randomUUID();
const users = generateOrg({ size: 2100, seed: 51 });
let entra: FakeEntra;
let graph: FakeGraph;

beforeAll(async () => {
  entra = await startFakeEntra();
  entra.registerClient(tenantId, "app", "secret");
  graph = await startFakeGraph({ tenantId, users, verifyKey: entra.verifyKey });
});

afterAll(async () => {
  await graph.close();
  await entra.close();
});

const tokens = () => createTokenSource({ tenantId, clientId: "app", clientSecret: "secret", authorityHost: entra.url });

interface UsersPage {
  value: Array<{ id: string; manager?: { id: string } }>;
  "@odata.nextLink"?: string;
}

describe("Graph access through MSAL and the Graph SDK", () => {
  test("lists users 999 a page with their managers expanded", async () => {
    const api = createGraphApi({ graphBaseUrl: graph.url, tokens: tokens() });
    const seen: UsersPage["value"] = [];
    let link: string | undefined = "/users?$top=999&$select=id,displayName&$expand=manager($select=id)";
    let pages = 0;
    while (link) {
      const page: UsersPage = await api.get<UsersPage>(link);
      seen.push(...page.value);
      link = page["@odata.nextLink"];
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen.map((u) => u.id).sort()).toEqual(users.map((u) => u.id).sort());
    const managers = new Map(users.map((u) => [u.id, u.managerId]));
    for (const user of seen) expect(user.manager?.id ?? null).toBe(managers.get(user.id));
  });

  test("refuses to follow a link to another host with the token", async () => {
    const api = createGraphApi({ graphBaseUrl: graph.url, tokens: tokens() });
    await expect(api.get("https://example.invalid/v1.0/users")).rejects.toThrow(/outside the configured Graph base URL/);
  });

  test("a token for another tenant is rejected by Graph", async () => {
    const other = randomUUID();
    entra.registerClient(other, "app", "secret");
    const api = createGraphApi({ graphBaseUrl: graph.url, tokens: createTokenSource({ tenantId: other, clientId: "app", clientSecret: "secret", authorityHost: entra.url }) });
    const error = await api.get("/users").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).statusCode).toBe(401);
  });

  test("an insecure authority that is not loopback is refused", async () => {
    const source = createTokenSource({ tenantId, clientId: "app", clientSecret: "secret", authorityHost: "http://login.example.invalid" });
    await expect(source.getToken()).rejects.toThrow(/https/);
  });

  test("the Graph base URL may carry its version", () => {
    expect(splitGraphBaseUrl("https://graph.microsoft.com/v1.0")).toEqual({ root: "https://graph.microsoft.com", version: "v1.0" });
    expect(splitGraphBaseUrl("https://graph.microsoft.com")).toEqual({ root: "https://graph.microsoft.com", version: "v1.0" });
    expect(splitGraphBaseUrl("http://127.0.0.1:9/beta/")).toEqual({ root: "http://127.0.0.1:9", version: "beta" });
  });
});
