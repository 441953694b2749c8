/** Property, against real storage: erasing person X leaves every row that does not involve X byte for
 * byte as it was. People are generated with ids that are prefixes and extensions of each other (as a
 * directory of sequential ids has them), with goals, approvals, check-ins, kudos and comments between
 * them, so an erasure that matched parts of ids would touch their rows. */
import fc from "fast-check";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { randomUUID } from "node:crypto";
import type { Person } from "../../functions/src/domain/types.js";
import { collectText } from "../../functions/src/store/tenant-data.js";
import { buildGoalBody, startApiHarness, type ApiHarness } from "../support/api-harness.js";
import { buildPerson } from "../support/org-builder.js";
import { readTenantRows, type RawRow } from "../support/table-scan.js";

let api: ApiHarness;
let adminToken: string;
beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
  adminToken = await api.tokenFor(api.org.outsider, { roles: ["Cascade.Admin"] });
  derived = new Set(api.services.admin.tenantData.flatMap((store) => Object.keys(store.derived)));
  expect([...derived]).toEqual(expect.arrayContaining(["dashboards", "cascadeindex", "reports"]));
});
afterAll(async () => api?.stop());

/** Tables the stores declare as derived (indexes and caches rebuilt from the others, such as a
 * manager's list of reports, which changes when X leaves it) and the erasure's own job status are not
 * anyone's records; every other row is compared. */
let derived: Set<string>;
const isCompared = (row: RawRow) => !derived.has(row.table) && !(row.table === "admin" && String(row.entity.rowKey).startsWith("job|"));

/** The oracle, independent of the erasure code: a row involves X when one of its texts, cut at every
 * character an id cannot hold, has X's id or one of X's goal ids as a piece, or names X. Ids hold
 * letters, digits, ".", "_" and "-" (a goal id names its owner with a "." inside), and keys join ids
 * with "_" or "." too, so a text is cut both ways: at every character but letters, digits and "-", and
 * at every character an id cannot hold, with the full stops that end a sentence taken off. */
function involves(row: RawRow, ids: ReadonlySet<string>, names: readonly string[]): boolean {
  const texts = [...collectText(row.entity), String(row.entity.partitionKey), String(row.entity.rowKey)];
  const pieces = (text: string) => [...text.split(/[^A-Za-z0-9-]+/), ...text.split(/[^A-Za-z0-9._-]+/).map((piece) => piece.replace(/^\.+|\.+$/g, ""))];
  return texts.some((text) => pieces(text).some((piece) => ids.has(piece)) || names.some((name) => text.includes(name)));
}

const key = (row: RawRow) => `${row.table} ${String(row.entity.partitionKey)} ${String(row.entity.rowKey)}`;

const scenario = fc.record({
  suffixes: fc.uniqueArray(fc.constantFrom("", "1", "11", "2", "0", "10", "a", "1a"), { minLength: 3, maxLength: 5 }),
  managerPicks: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
  target: fc.nat(),
  privateGoals: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  kudos: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
  comments: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 3 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

async function ok(res: Promise<{ status: number; body: any }>, status = 200): Promise<any> {
  const done = await res;
  if (done.status !== status) throw new Error(`Expected ${status}, got ${done.status}: ${JSON.stringify(done.body)}`);
  return done.body;
}

/** People whose ids share one stem, a goal each aligned to the root's, approved by their managers. */
async function buildWorld(s: Scenario): Promise<{ people: Person[]; goals: string[] }> {
  const stem = randomUUID().slice(0, 30);
  const tag = stem.slice(0, 6);
  const people: Person[] = [];
  s.suffixes.forEach((suffix, i) => {
    const managerId = i === 0 ? null : people[s.managerPicks[i]! % i]!.id;
    people.push(buildPerson({ id: `${stem}${suffix}`, displayName: `Member ${tag} ${i + 1}`, mail: `m${i + 1}.${tag}@example.test`, managerId }));
  });
  await api.services.directory.upsertPeople(api.tenantId, people);
  const goals: string[] = [];
  for (const [i, person] of people.entries()) {
    const body = i === 0 ? buildGoalBody({ title: `Goal of member ${i + 1}`, isTopLevel: true }) : buildGoalBody({ title: `Goal of member ${i + 1}`, parentId: goals[0], visibility: s.privateGoals[i] ? "private" : "public" });
    const goal = await ok(api.request("POST", "/api/goals", { as: person, body }), 201);
    goals.push(goal.id);
    const submitted = await ok(api.request("POST", `/api/goals/${goal.id}/submit`, { as: person }));
    if (submitted.status === "pending_approval") {
      const approver = people.find((p) => p.id === submitted.approverId)!;
      await ok(api.request("POST", `/api/goals/${goal.id}/decision`, { as: approver, body: { decision: "approve", comment: `Approved for ${person.displayName}` } }));
    }
    await ok(api.request("POST", `/api/goals/${goal.id}/checkins`, { as: person, body: { keyResults: [{ id: goal.keyResults[0].id, current: 50 + i }], confidence: "on_track", note: `Note by member ${i + 1}` } }), 201);
  }
  const n = people.length;
  for (const [from, owner] of s.kudos) {
    if (from % n === owner % n) continue;
    const res = await api.request("POST", `/api/goals/${goals[owner % n]}/kudos`, { as: people[from % n]!, body: { message: `Thanks from ${people[from % n]!.displayName}` } });
    // Kudos on a private goal the giver may not read are refused (and write nothing), like comments.
    if (res.status !== 201) expect([403, 404]).toContain(res.status);
  }
  for (const [author, owner, mention] of s.comments) {
    const res = await api.request("POST", `/api/goals/${goals[owner % n]}/comments`, { as: people[author % n]!, body: { text: `Ask ${people[mention % n]!.displayName} about it` } });
    // A private goal is not everyone's to comment on; the refusal writes nothing.
    if (res.status !== 201) expect([403, 404]).toContain(res.status);
  }
  return { people, goals };
}

/** A loaded machine can make an erasure slow; only a very long wait counts as a failure. */
async function waitForErasure(): Promise<any> {
  for (const deadline = Date.now() + 180_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
    const res = await api.request("GET", "/api/admin/erase", { headers: { authorization: `Bearer ${adminToken}` } });
    if (!res.body.isRunning) return res.body;
  }
  throw new Error("The erasure did not finish within 3 minutes");
}

test("erasing X leaves every row that does not involve X unchanged, byte for byte", async () => {
  await fc.assert(
    fc.asyncProperty(scenario, async (s) => {
      const { people, goals } = await buildWorld(s);
      const index = s.target % people.length;
      const target = people[index]!;
      const before = (await readTenantRows(inject("azuriteConnectionString"), [api.tenantId])).filter(isCompared);
      const started = await api.request("POST", "/api/admin/erase", { headers: { authorization: `Bearer ${adminToken}` }, body: { personId: target.id } });
      expect(started.status).toBe(202);
      const done = await waitForErasure();
      expect(done.job.state).toBe("succeeded");
      const after = new Map((await readTenantRows(inject("azuriteConnectionString"), [api.tenantId])).filter(isCompared).map((row) => [key(row), row]));
      const ids = new Set([target.id, goals[index]!]);
      const untouched = before.filter((row) => !involves(row, ids, [target.displayName, target.mail!]));
      expect(untouched.length).toBeGreaterThan(0);
      for (const row of untouched) expect(after.get(key(row))?.entity, key(row)).toEqual(row.entity);
      // The people whose ids extend or prefix X's are all still there and can still sign in.
      for (const person of people.filter((p) => p.id !== target.id)) expect((await api.request("GET", "/api/me", { as: person })).status).toBe(200);
    }),
    { numRuns: 4, endOnFailure: true },
  );
}, 600_000);
