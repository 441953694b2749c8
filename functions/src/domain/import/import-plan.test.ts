import { describe, expect, test } from "vitest";
import type { Versioned } from "../ports.js";
import type { Cycle, Goal } from "../types.js";
import { buildOwnerIndex } from "./import-owners.js";
import { planImport, type ImportMapping, type PlanInput } from "./import-plan.js";
import { isRowError, validateRow, type ImportRow } from "./import-rows.js";

const people = [
  { id: "ceo", displayName: "Cleo Chief", mail: "cleo@x.example", managerId: null },
  { id: "ada", displayName: "Ada Lovelace", mail: "Ada@X.example", managerId: "ceo" },
  { id: "bob", displayName: "Bob Byte", mail: "bob@x.example", managerId: "ceo" },
  { id: "bob2", displayName: "Bob Byte", mail: "bob.b@x.example", managerId: "ada" },
  { id: "uma", displayName: "Uma Upn", mail: "uma.upn@x.example", userPrincipalName: "uma@x.onmicrosoft.example", managerId: "ceo" },
  { id: "sam", displayName: "Sam Shared", mail: "shared@x.example", managerId: "ceo" },
  { id: "sid", displayName: "Sid Signin", mail: "sid@x.example", userPrincipalName: "Shared@x.example", managerId: "ceo" },
];
const cycle: Cycle = { tenantId: "t", id: "c1", name: "Q1 2027", startDate: "2027-01-01", endDate: "2027-03-31", status: "open" };

function rows(...values: Array<Record<string, string>>): ImportRow[] {
  return values.map((v, i) => {
    const row = validateRow(i + 2, { type: "goal", cycle: "q1 2027", ...v });
    if (isRowError(row)) throw new Error(row.message);
    return row;
  });
}

function input(list: ImportRow[], overrides: Partial<PlanInput> = {}): PlanInput {
  let n = 0;
  return { tenantId: "t", actorId: "admin", now: "2027-01-10T00:00:00.000Z", rowCount: list.length, rows: list, rowErrors: [], owners: buildOwnerIndex(people), ownerChoices: {}, cycles: [cycle], mappings: new Map(), goals: new Map(), newId: () => `id${++n}`, ...overrides };
}

const file = () =>
  rows(
    { id: "child", title: "Team goal", owner: "bob@x.example", parent: "top", status: "active" },
    { id: "top", title: "Company goal", owner: "ada@x.example" },
    { id: "k1", type: "key result", title: "Revenue", parent: "child", target: "100", current: "40" },
    { id: "k2", type: "key result", title: "Launch", parent: "child", krType: "milestone", current: "1" },
  );

describe("planning an import", () => {
  test("parents are written first; key results join their goal; active goals count as approved", () => {
    const plan = planImport(input(file()));
    expect(plan).toMatchObject({ rows: 4, goals: { create: 2, update: 0 }, keyResults: { create: 2, update: 0 }, errors: [], unknownOwners: [] });
    expect(plan.writes.map((w) => [w.line, w.depth])).toEqual([[3, 0], [2, 1]]);
    const [top, child] = plan.writes.map((w) => w.goal);
    expect(top).toMatchObject({ ownerId: "ada", status: "draft", approvedSnapshot: null, parentId: null, dueDate: "2027-03-31", cycleId: "c1" });
    expect(child).toMatchObject({ ownerId: "bob", status: "active", approverId: "ceo", parentId: top!.id, flags: ["cross_chain"] });
    expect(child!.keyResults).toEqual([
      { id: expect.any(String), title: "Revenue", kind: "increase", start: 0, target: 100, current: 40, unitKind: "text" },
      { id: expect.any(String), title: "Launch", kind: "milestone", done: true },
    ]);
    expect(child!.approvedSnapshot).toMatchObject({ title: "Team goal", parentId: top!.id });
    expect(plan.newMappings.map((m) => m.fileId).sort()).toEqual(["child", "k1", "k2", "top"]);
  });

  test("a second run with the remembered ids changes nothing, and a changed row is an update", () => {
    const first = planImport(input(file()));
    const mappings = new Map<string, ImportMapping>(first.newMappings.map((m) => [m.fileId, m]));
    const goals = new Map<string, Versioned<Goal>>(first.writes.map((w) => [w.goal.id, { value: w.goal, etag: "e" }]));
    const again = planImport(input(file(), { mappings, goals, now: "2027-02-01T00:00:00.000Z" }));
    expect(again).toMatchObject({ goals: { create: 0, update: 0 }, keyResults: { create: 0, update: 0 }, unchanged: 4, writes: [], newMappings: [] });
    const changed = file();
    changed[2] = { ...changed[2]!, keyResult: { kind: "number", start: 0, target: 100, current: 70, unit: null } };
    const update = planImport(input(changed, { mappings, goals }));
    expect(update).toMatchObject({ goals: { create: 0, update: 1 }, keyResults: { create: 0, update: 1 }, unchanged: 2 });
    expect(update.writes[0]!.previous).toMatchObject({ etag: "e" });
    expect(update.writes[0]!.goal.keyResults[0]).toMatchObject({ id: first.writes[1]!.goal.keyResults[0]!.id, current: 70 });
  });

  test("bad references are errors with lines, and what depends on a bad row is not imported", () => {
    const list = rows(
      { id: "a", title: "A", owner: "nobody@x.example" },
      { id: "b", title: "B", owner: "ada@x.example", parent: "a" },
      { id: "c", title: "C", owner: "Bob Byte" },
      { id: "d", title: "D", owner: "ada@x.example", parent: "e" },
      { id: "e", title: "E", owner: "ada@x.example", parent: "d" },
      { id: "f", title: "F", owner: "ada@x.example", cycle: "Q9" },
      { id: "g", title: "G", owner: "ada@x.example", parent: "missing" },
      { id: "a", title: "Again", owner: "ada@x.example" },
      { id: "k", type: "key result", title: "K", parent: "a", target: "1" },
      { id: "k0", type: "key result", title: "K0", parent: "nowhere", target: "1" },
    );
    const plan = planImport(input(list));
    expect(plan.writes).toEqual([]);
    expect(plan.errors).toEqual([
      { line: 2, message: 'The owner "nobody@x.example" is not in the directory.' },
      { line: 3, message: "Its parent on line 2 cannot be imported." },
      { line: 4, message: 'The owner "Bob Byte" is more than one person in the directory.' },
      { line: 5, message: expect.stringMatching(/loop|cannot be imported/) },
      { line: 6, message: expect.stringMatching(/loop|cannot be imported/) },
      { line: 7, message: 'The cycle "Q9" does not exist; create it first or use an existing cycle\'s name.' },
      { line: 8, message: 'Its parent "missing" is neither a goal in the file nor a goal in Cascade.' },
      { line: 9, message: 'The id "a" is already used on line 2; ids must be unique in the file.' },
      { line: 10, message: "Its goal on line 2 cannot be imported." },
      { line: 11, message: 'Its goal "nowhere" is not a goal in the file; put the key result\'s goal id in parent.' },
    ]);
    expect(plan.unknownOwners).toEqual([{ owner: "nobody@x.example", problem: "unknown", lines: [2] }, { owner: "Bob Byte", problem: "ambiguous", lines: [4] }]);
  });

  test("an owner is matched by user principal name as well as by mail; a text that is one person's mail and another's sign-in name is ambiguous", () => {
    const owners = buildOwnerIndex(people);
    expect(owners.resolve("UMA@x.onmicrosoft.example")).toEqual({ personId: "uma" });
    expect(owners.resolve("uma.upn@x.example")).toEqual({ personId: "uma" });
    expect(owners.resolve("shared@x.example")).toEqual({ problem: "ambiguous" });
    const plan = planImport(input(rows({ id: "u", title: "Sign-in name owner", owner: "uma@x.onmicrosoft.example" })));
    expect(plan).toMatchObject({ goals: { create: 1 }, errors: [], unknownOwners: [] });
    expect(plan.writes[0]!.goal.ownerId).toBe("uma");
  });

  test("the admin's choice settles an ambiguous owner; a parent may be a goal already in Cascade", () => {
    const existing: Versioned<Goal> = { value: { id: "cascade-goal", ownerId: "ceo" } as Goal, etag: "x" };
    const plan = planImport(input(rows({ id: "c", title: "C", owner: "Bob Byte", parent: "cascade-goal" }), { ownerChoices: { "Bob Byte": "bob2" }, goals: new Map([["cascade-goal", existing]]) }));
    expect(plan.errors).toEqual([]);
    expect(plan.writes[0]!.goal).toMatchObject({ ownerId: "bob2", parentId: "cascade-goal", flags: [] });
  });

  test("a goal takes at most five key results", () => {
    const list = rows({ id: "g", title: "G", owner: "ada@x.example" }, ...Array.from({ length: 6 }, (_, i) => ({ id: `k${i}`, type: "key result", title: `K${i}`, parent: "g", target: "1" })));
    const plan = planImport(input(list));
    expect(plan.writes[0]!.goal.keyResults).toHaveLength(5);
    expect(plan.errors).toEqual([{ line: 8, message: "The goal on line 2 already has 5 key results, the most a goal can have." }]);
  });
});
