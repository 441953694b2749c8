/** Erasure takes an exact person id that the directory knows or knew, and refuses anything else
 * without writing; once a person is erased, their tokens are refused on every route. */
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { listAllApiRoutes } from "../../functions/src/http/routes.js";
import type { Person } from "../../functions/src/domain/types.js";
import { waitForJob } from "../support/admin-data-builder.js";
import { buildGoalBody, startApiHarness, type ApiHarness } from "../support/api-harness.js";
import { buildPerson } from "../support/org-builder.js";
import { readTenantRows, type RawRow } from "../support/table-scan.js";

let api: ApiHarness;
let adminToken: string;
const connection = () => inject("azuriteConnectionString");
const asAdmin = (body?: unknown) => ({ headers: { authorization: `Bearer ${adminToken}` }, body });

/** Every row of the tenant with its ETag, so a rewrite that changes nothing still shows. */
const snapshot = async (): Promise<string[]> => (await readTenantRows(connection(), [api.tenantId])).map((r: RawRow) => `${r.table} ${JSON.stringify(r.entity)}`).sort();

async function createGoal(owner: Person, overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await api.request("POST", "/api/goals", { as: owner, body: buildGoalBody(overrides) });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id;
}

async function erase(personId: string) {
  const started = await api.request("POST", "/api/admin/erase", asAdmin({ personId }));
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  const done = await waitForJob(api, "/api/admin/erase", adminToken);
  expect(done.job.state, JSON.stringify(done.job)).toBe("succeeded");
  return done.job.result;
}

beforeAll(async () => {
  api = await startApiHarness(connection());
  adminToken = await api.tokenFor(api.org.outsider, { roles: ["Cascade.Admin"] });
});
afterAll(async () => api?.stop());

describe("which ids erasure takes", () => {
  // Ten people whose ids share a prefix, as a directory of sequential ids has them.
  const prefix = "00000000-0000-4000-8000-00000000001";
  const family = Array.from({ length: 10 }, (_, i) => buildPerson({ id: `${prefix}${i}`, displayName: `Family Member ${i}`, managerId: null }));

  beforeAll(async () => {
    await api.services.directory.upsertPeople(api.tenantId, family);
    for (const person of family.slice(0, 3)) await createGoal(person, { title: `Plan of member ${person.id.slice(-1)}` });
  });

  test("an id that is not exactly a person (a prefix of ten ids, an unknown id) is refused with 404, and nothing is written", async () => {
    const before = await snapshot();
    for (const personId of [prefix, "00000000-0000-4000-8000-000000000099", family[0]!.id.slice(0, -2), "erased-person"]) {
      const res = await api.request("POST", "/api/admin/erase", asAdmin({ personId }));
      expect(res.status, personId).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.body.code).toBe("not_found");
    }
    expect((await api.request("GET", "/api/admin/erase", asAdmin())).body).toMatchObject({ isRunning: false, job: null });
    expect(await snapshot()).toEqual(before);
  });

  test("the erasure itself stops when no person is found, before it changes anything", async () => {
    const { erasePerson } = await import("../../functions/src/domain/erasure.js");
    const before = await snapshot();
    const admin = { tenantId: api.tenantId, userId: api.org.outsider.id, name: "", roles: ["Cascade.Admin"] };
    await expect(erasePerson(api.services.admin.erasure, admin, prefix, () => undefined)).rejects.toMatchObject({ code: "not_found" });
    expect(await snapshot()).toEqual(before);
  });

  test("erasing one of them leaves the others with shared prefixes untouched", async () => {
    const target = family[1]!;
    const others = family.filter((p) => p.id !== target.id);
    const goalsOf = async (person: Person) => (await api.request("GET", `/api/goals?owner=${person.id}`, { as: person })).body.items;
    const before = await Promise.all(others.map(goalsOf));
    const result = await erase(target.id);
    expect(result).toMatchObject({ goalsErased: 1 });
    expect(await Promise.all(others.map(goalsOf))).toEqual(before);
    for (const person of others) expect((await api.request("GET", "/api/me", { as: person })).status).toBe(200);
    expect((await api.request("GET", `/api/goals?owner=${family[0]!.id}`, { as: family[0]! })).body.items[0].ownerId).toBe(family[0]!.id);
  });

  test("a person who left the directory but still owns goals can be erased", async () => {
    const leaver = buildPerson({ displayName: "Lee Leaver", managerId: api.org.ceo.id });
    await api.services.directory.upsertPeople(api.tenantId, [leaver]);
    await createGoal(leaver, { title: "Handover notes for the team" });
    await api.services.directory.removePeople(api.tenantId, [leaver.id]);
    expect(await erase(leaver.id)).toMatchObject({ goalsErased: 1 });
    // Erased before: running it again is allowed (to finish an interrupted erasure) and finds nothing more.
    expect(await erase(leaver.id)).toMatchObject({ goalsErased: 0, rowsChanged: 0 });
  });
});

describe("an erased person's tokens", () => {
  let bob: Person;
  let token: string;
  let adminTokenOfErased: string;
  beforeAll(async () => {
    bob = buildPerson({ displayName: "Bert Erased", managerId: api.org.manager.id });
    const admin = buildPerson({ displayName: "Ada Erased Admin", managerId: api.org.ceo.id });
    await api.services.directory.upsertPeople(api.tenantId, [bob, admin]);
    token = await api.tokenFor(bob);
    adminTokenOfErased = await api.tokenFor(admin, { roles: ["Cascade.Admin"] });
    await createGoal(bob, { title: "Bert's plan" });
    // Both tokens were used before the erasure, so this instance has them cached as not erased.
    expect((await api.request("GET", "/api/me", { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await api.request("GET", "/api/admin/settings", { headers: { authorization: `Bearer ${adminTokenOfErased}` } })).status).toBe(200);
    await erase(bob.id);
    await erase(admin.id);
  });

  const asErased = (body?: unknown) => ({ headers: { authorization: `Bearer ${token}` }, body });

  test("are refused at once on the instance that erased them, on every signed-in route", async () => {
    const routes = listAllApiRoutes().filter((r) => r.auth === "user" && !r.isDevOnly);
    expect(routes.length).toBeGreaterThan(40);
    for (const route of routes) {
      const path = `/${route.route.replace(/\{(\w+)\}/g, () => bob.id)}`;
      for (const method of route.methods) {
        const res = await api.request(method, path, asErased(method === "GET" ? undefined : { title: "x" }));
        expect(res.status, `${method} ${path}`).toBe(403);
        expect(res.headers.get("content-type")).toContain("application/problem+json");
      }
    }
  });

  test("write nothing: no goal, no time zone, no card action", async () => {
    const before = await snapshot();
    expect((await api.request("POST", "/api/goals", asErased(buildGoalBody({ title: "Written after erasure" })))).status).toBe(403);
    expect((await api.request("PUT", "/api/me/time-zone", asErased({ timeZone: "Europe/Paris" }))).status).toBe(403);
    expect((await api.request("POST", "/api/card-actions", asErased({ verb: "goal.refresh", data: { goalId: "x" } }))).status).toBe(403);
    expect((await api.request("GET", `/api/people/${api.org.ceo.id}`, asErased())).status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  test("an erased admin's token loses its admin rights too", async () => {
    const res = await api.request("POST", "/api/admin/erase", { headers: { authorization: `Bearer ${adminTokenOfErased}` }, body: { personId: api.org.alice.id } });
    expect(res.status).toBe(403);
    expect((await api.request("GET", "/api/me", { as: api.org.alice })).status).toBe(200);
  });

  test("another instance on the same storage reads the mark from storage", async () => {
    const other = await startApiHarness(connection());
    try {
      expect(await other.services.admin.erasure.erased.isErased(api.tenantId, bob.id)).toBe(true);
      expect(await other.services.admin.erasure.erased.isErased(api.tenantId, api.org.alice.id)).toBe(false);
    } finally {
      await other.stop();
    }
  });
});
