/** GET /api/org/{personId}/search: people and goals anywhere below a person, however deep, found with
 * a bounded number of storage requests; private goals only for those the cascade shows them to; bad
 * input refused as problem+json. Real HTTP, real tokens, against Azurite. */
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { OrgSearch } from "../../functions/src/contracts/views.js";
import { MAX_PACK_READS, MAX_TEAMS_PER_PAGE, searchOrg } from "../../functions/src/domain/org-search.js";
import type { Goal, Person, Principal } from "../../functions/src/domain/types.js";
import { countStorageRequests } from "../../functions/src/store/request-count.js";
import { startApiHarness, type ApiHarness } from "../support/api-harness.js";
import { buildPerson } from "../support/org-builder.js";
import { buildTestGoal } from "../support/test-goals.js";

let api: ApiHarness;
let chain: Person[];
let outsider: Person;
let sibling: Person;

async function addGoal(owner: Person, overrides: Partial<Goal> = {}): Promise<Goal> {
  const goal = buildTestGoal({ tenantId: api.tenantId, ownerId: owner.id, cycleId: api.cycle.id, status: "active", parentId: null, isTopLevel: false, ...overrides });
  await api.services.goalDeps.goals.saveGoal({ goal, audit: [] });
  return goal;
}

beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
  // A chain six levels deep below Sofia Summit, a sibling at every level, and someone outside.
  chain = [buildPerson({ displayName: "Sofia Summit" })];
  const siblings: Person[] = [];
  for (let level = 1; level <= 6; level++) {
    const manager = chain[level - 1]!;
    chain.push(buildPerson({ displayName: level === 6 ? "Zoë Deepwater" : `Level ${level} Lead`, managerId: manager.id, jobTitle: level === 6 ? "Tide analyst" : "Lead" }));
    siblings.push(buildPerson({ displayName: `Level ${level} Peer`, managerId: manager.id }));
  }
  sibling = siblings[0]!;
  outsider = buildPerson({ displayName: "Oscar Outside" });
  await api.services.directory.upsertPeople(api.tenantId, [...chain, ...siblings, outsider]);
  const deepest = chain[6]!;
  await addGoal(deepest, { title: "Chart the ocean floor" });
  await addGoal(deepest, { title: "Private ocean survey", visibility: "private" });
  await addGoal(chain[0]!, { title: "Ocean strategy", isTopLevel: true });
});
afterAll(async () => api?.stop());

const search = (viewer: Person, root: Person, q: string, extra = "") => api.request<OrgSearch>("GET", `/api/org/${root.id}/search?q=${encodeURIComponent(q)}${extra}`, { as: viewer });

describe("GET /api/org/{personId}/search", () => {
  test("finds someone six levels down from the top, with the way down to them", async () => {
    const res = await search(chain[0]!, chain[0]!, "zoe deep");
    expect(res.status).toBe(200);
    expect(res.body.people.map((p) => p.person.displayName)).toEqual(["Zoë Deepwater"]);
    expect(res.body.people[0]!.path.map((step) => step.id)).toEqual(chain.slice(0, 6).map((p) => p.id));
    expect((await search(chain[0]!, chain[0]!, "tide analyst")).body.people.map((p) => p.person.id)).toEqual([chain[6]!.id]);
    // Only inside the subtree asked about.
    expect((await search(chain[0]!, sibling, "zoe")).body.people).toEqual([]);
    expect((await search(chain[0]!, chain[0]!, "oscar")).body.people).toEqual([]);
  });

  test("finds goals anywhere below, private ones only for the owner and the owner's managers", async () => {
    const titles = (body: OrgSearch) => body.goals.map((g) => g.title).sort();
    expect(titles((await search(chain[0]!, chain[0]!, "ocean")).body)).toEqual(["Chart the ocean floor", "Ocean strategy", "Private ocean survey"]);
    expect(titles((await search(chain[6]!, chain[0]!, "ocean")).body)).toEqual(["Chart the ocean floor", "Ocean strategy", "Private ocean survey"]);
    expect(titles((await search(outsider, chain[0]!, "ocean")).body)).toEqual(["Chart the ocean floor", "Ocean strategy"]);
    expect(titles((await search(sibling, chain[0]!, "ocean")).body)).toEqual(["Chart the ocean floor", "Ocean strategy"]);
    // A manager who opens the search lower down still sees their report's private goal.
    expect(titles((await search(chain[0]!, chain[3]!, "ocean")).body)).toEqual(["Chart the ocean floor", "Private ocean survey"]);
    const found = (await search(outsider, chain[0]!, "ocean floor")).body.goals[0]!;
    expect(found).toMatchObject({ ownerId: chain[6]!.id, ownerName: "Zoë Deepwater" });
    expect(found.path.map((step) => step.id)).toEqual(chain.slice(0, 6).map((p) => p.id));
  });

  test("refuses bad input as problem+json and a missing person as not found", async () => {
    for (const [q, extra] of [["", ""], ["a", ""], ["x".repeat(101), ""], ["ocean", "&continuation=abc"], ["ocean", "&cycle=bad%20id"]] as const) {
      const res = await search(chain[0]!, chain[0]!, q, extra);
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    expect((await api.request("GET", `/api/org/${chain[0]!.id}/search`, { as: chain[0]! })).status).toBe(400);
    expect((await api.request("GET", "/api/org/00000000-0000-4000-8000-00000000abcd/search?q=ocean", { as: chain[0]! })).status).toBe(404);
    expect((await api.request("GET", `/api/org/${chain[0]!.id}/search?q=ocean`, { as: null })).status).toBe(401);
    const stranger = await api.tokenFor(chain[0]!.id, { tid: api.otherTenantId });
    expect((await api.request("GET", `/api/org/${chain[0]!.id}/search?q=ocean`, { as: stranger })).status).toBe(404);
  });

  test("reads a bounded number of teams per page, and the continuation reaches the rest", { timeout: 300_000 }, async () => {
    // Forty managers under one head, each with a report whose goal mentions a lighthouse; the last one's too.
    const head = buildPerson({ displayName: "Harriet Harbour" });
    const managers = Array.from({ length: 40 }, (_, i) => buildPerson({ displayName: `Keeper ${String(i).padStart(2, "0")}`, managerId: head.id }));
    const reports = managers.map((m, i) => buildPerson({ displayName: `Watcher ${String(i).padStart(2, "0")}`, managerId: m.id }));
    await api.services.directory.upsertPeople(api.tenantId, [head, ...managers, ...reports]);
    await addGoal(reports.at(-1)!, { title: "Light the far lighthouse" });
    const as: Principal = { tenantId: api.tenantId, userId: head.id, name: head.displayName, roles: [] };
    const pages: Array<{ result: OrgSearch; requests: number }> = [];
    let continuation: string | null = null;
    do {
      let requests = -1;
      const result: OrgSearch = await countStorageRequests(() => searchOrg(api.services.cascade, as, head.id, { q: "lighthouse", cycleId: api.cycle.id, continuation }), (n) => (requests = n));
      pages.push({ result, requests });
      continuation = result.continuation;
    } while (continuation !== null && pages.length < 10);
    // The head and forty keepers have reports: 41 teams, MAX_TEAMS_PER_PAGE a page.
    expect(pages).toHaveLength(Math.ceil(41 / MAX_TEAMS_PER_PAGE));
    expect(pages.flatMap((p) => p.result.goals.map((g) => g.title))).toEqual(["Light the far lighthouse"]);
    expect(pages.at(-1)!.result.goals[0]!.path.map((s) => s.id)).toEqual([head.id, managers.at(-1)!.id]);
    // Beyond a one-team search's: at most a read per team walked to find who is in the subtree (then
    // the whole directory in a fixed number of queries), and a query per team whose goals are read.
    let baseline = -1;
    await countStorageRequests(() => searchOrg(api.services.cascade, as, managers[0]!.id, { q: "lighthouse", cycleId: api.cycle.id, continuation: null }), (n) => (baseline = n));
    for (const page of pages) expect(page.requests).toBeLessThanOrEqual(baseline + MAX_PACK_READS + MAX_TEAMS_PER_PAGE - 1);
  });

  test("a subtree of more teams than a search walks is found in the whole directory instead", { timeout: 300_000 }, async () => {
    const head = buildPerson({ displayName: "Greta Granary" });
    const managers = Array.from({ length: MAX_PACK_READS + 6 }, (_, i) => buildPerson({ displayName: `Miller ${String(i).padStart(2, "0")}`, managerId: head.id }));
    const reports = managers.map((m, i) => buildPerson({ displayName: i === managers.length - 1 ? "Wanda Windmill" : `Baker ${String(i).padStart(2, "0")}`, managerId: m.id }));
    await api.services.directory.upsertPeople(api.tenantId, [head, ...managers, ...reports]);
    expect(await api.services.cascade.listSubtreeWithin(api.tenantId, head.id, MAX_PACK_READS)).toBeNull();
    const res = await search(head, head, "windmill");
    expect(res.body.people.map((p) => p.person.id)).toEqual([reports.at(-1)!.id]);
    expect(res.body.people[0]!.path.map((step) => step.id)).toEqual([head.id, managers.at(-1)!.id]);
    expect((await search(head, head, "zoe")).body.people).toEqual([]);
  });
});
