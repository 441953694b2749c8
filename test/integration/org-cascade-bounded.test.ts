/** The Team view and the Organisation tree read the levels they return and the kept team roll-ups of
 * the branches they cut off: their storage requests do not grow with the subtree below, the figures of
 * a cut branch (white space below the cut and disabled accounts included) are those of the same branch
 * loaded in full, and a viewer outside the chain is never
 * shown private goals in a cut branch's counts. Counted with the Tables client's request counter, in
 * process, against Azurite. */
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { BranchFigures, OrgCascade } from "../../functions/src/contracts/views.js";
import { getOrgCascade } from "../../functions/src/domain/org-cascade.js";
import { MAX_ORG_DEPTH } from "../../functions/src/domain/org-walk.js";
import type { Goal, Person, Principal } from "../../functions/src/domain/types.js";
import { countStorageRequests } from "../../functions/src/store/request-count.js";
import { startApiHarness, type ApiHarness } from "../support/api-harness.js";
import { buildPerson } from "../support/org-builder.js";
import { buildTestGoal } from "../support/test-goals.js";

let api: ApiHarness;

beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
});
afterAll(async () => api?.stop());

const as = (person: Person): Principal => ({ tenantId: api.tenantId, userId: person.id, name: person.displayName, roles: [] });

/** The view's storage requests once the caches of cycles and settings are warm (they expire with time). */
async function view(viewer: Person, root: Person, depth: number): Promise<{ result: OrgCascade; requests: number }> {
  const show = () => getOrgCascade(api.services.cascade, as(viewer), root.id, { cycleId: api.cycle.id, depth });
  await show();
  let requests = -1;
  const result = await countStorageRequests(show, (n) => (requests = n));
  return { result, requests };
}

const figuresOf = (cascade: OrgCascade, personId: string) => cascade.nodes.find((n) => n.person.id === personId)!.figures;
/** Progress is kept in millionths in the roll-ups. */
const comparable = (f: BranchFigures) => ({ ...f, progress: Math.round(f.progress * 1e6) });

async function addPeople(people: Person[]): Promise<void> {
  await api.services.directory.upsertPeople(api.tenantId, people);
}

async function addGoal(owner: Person, parent: Goal | null, overrides: Partial<Goal> = {}): Promise<Goal> {
  const goal = buildTestGoal({
    tenantId: api.tenantId,
    ownerId: owner.id,
    cycleId: api.cycle.id,
    status: "active",
    title: `Goal of ${owner.displayName}`,
    parentId: parent?.id ?? null,
    isTopLevel: parent === null,
    keyResults: [{ id: `kr-${owner.id}`, title: "Share done", kind: "increase", start: 0, target: 100, current: 40, unitKind: "percent" }],
    ...overrides,
  });
  await api.services.goalDeps.goals.saveGoal({ goal, audit: [] });
  return goal;
}

/** `count` people below each of `managers`, one aligned goal each. */
async function grow(managers: Array<{ person: Person; goal: Goal }>, count: number, prefix: string): Promise<Array<{ person: Person; goal: Goal }>> {
  const added = managers.flatMap((m) => Array.from({ length: count }, (_, i) => ({ person: buildPerson({ displayName: `${prefix} ${m.person.displayName} ${i}`, managerId: m.person.id }), manager: m })));
  await addPeople(added.map((a) => a.person));
  const grown: Array<{ person: Person; goal: Goal }> = [];
  for (const a of added) grown.push({ person: a.person, goal: await addGoal(a.person, a.manager.goal) });
  return grown;
}

describe("the storage requests of the cascade views", () => {
  test("do not grow with the subtree below the levels returned, while the figures follow it", { timeout: 600_000 }, async () => {
    const head = buildPerson({ displayName: "Hana Head" });
    await addPeople([head]);
    const top = { person: head, goal: await addGoal(head, null) };
    const leads = await grow([top], 3, "Lead");
    const members = await grow(leads, 2, "Member");

    const teamBefore = await view(head, head, 1);
    const treeBefore = await view(head, head, MAX_ORG_DEPTH);
    expect(teamBefore.result.nodes).toHaveLength(4);
    expect(treeBefore.result.nodes).toHaveLength(10);
    expect(treeBefore.result.isTruncated).toBe(false);
    expect(figuresOf(teamBefore.result, head.id)).toEqual(figuresOf(treeBefore.result, head.id));

    // Three more levels below every member: 6 × (3 + 9 + 27) people, none of them returned by the Team view.
    const deeper = await grow(await grow(await grow(members, 3, "Deep"), 3, "Deeper"), 3, "Deepest");
    expect(deeper).toHaveLength(162);
    const teamAfter = await view(head, head, 1);
    const treeAfter = await view(head, head, MAX_ORG_DEPTH);
    expect(figuresOf(teamAfter.result, head.id)).toMatchObject({ people: 10 + 234, goals: 10 + 234, covered: 10 + 234 });
    expect(comparable(figuresOf(teamAfter.result, head.id))).toEqual(comparable(figuresOf(treeAfter.result, head.id)));
    expect(teamAfter.result.nodes).toHaveLength(4);
    expect(teamAfter.requests).toBe(teamBefore.requests);
    expect(treeAfter.result.isTruncated).toBe(true);
    expect(treeAfter.requests).toBeLessThanOrEqual(60);

    // Growing further below the Organisation tree's deepest level changes nothing it reads.
    await grow(deeper.slice(0, 20), 2, "Deepest+1");
    const treeLater = await view(head, head, MAX_ORG_DEPTH);
    const teamLater = await view(head, head, 1);
    expect(treeLater.requests).toBe(treeAfter.requests);
    expect(teamLater.requests).toBe(teamBefore.requests);
    expect(figuresOf(treeLater.result, head.id).people).toBe(10 + 234 + 40);
    // A cut branch opens as its own answer.
    const lead = leads[0]!.person;
    const opened = await view(head, lead, 1);
    expect(opened.result.nodes.map((n) => n.person.id).sort()).toEqual([lead.id, ...members.filter((m) => m.person.managerId === lead.id).map((m) => m.person.id)].sort());
    expect(figuresOf(opened.result, lead.id)).toEqual(figuresOf(treeLater.result, lead.id));
  });
});

describe("the figures of a cut branch", () => {
  let head: Person;
  let leads: Person[];
  let outsider: Person;

  beforeAll(async () => {
    head = buildPerson({ displayName: "Fiona Figures" });
    outsider = buildPerson({ displayName: "Otto Outside" });
    await addPeople([head, outsider]);
    const top = await addGoal(head, null, { weight: 2 });
    leads = [buildPerson({ displayName: "Lena Lead", managerId: head.id }), buildPerson({ displayName: "Liam Lead", managerId: head.id })];
    await addPeople(leads);
    const leadGoals = [await addGoal(leads[0]!, top), await addGoal(leads[1]!, top, { status: "pending_approval" })];
    const members = leads.flatMap((lead, l) => [0, 1].map((i) => buildPerson({ displayName: `Mo Member ${l}.${i}`, managerId: lead.id })));
    await addPeople(members);
    const [m0, m1, m2, m3] = members;
    const memberGoal = await addGoal(m0!, leadGoals[0]!, { lastCheckIn: { at: new Date().toISOString(), confidence: "at_risk" } });
    await addGoal(m1!, null, { isTopLevel: false, title: "An orphan goal" });
    await addGoal(m2!, leadGoals[1]!, { visibility: "private", title: "A private goal", flags: ["needs_realignment"] });
    await addGoal(m3!, leadGoals[1]!, { status: "completed", weight: 3 });
    const below = buildPerson({ displayName: "Bea Below", managerId: m0!.id });
    await addPeople([below]);
    await addGoal(below, memberGoal, { visibility: "private", lastCheckIn: { at: new Date().toISOString(), confidence: "off_track" } });
    await addGoal(below, memberGoal, { status: "draft", flags: ["owner_left"] });
    // White space below the cut: a goal of someone with reports that nothing is aligned to, and one a
    // private goal is aligned to (white space to nobody, though an outsider does not see why).
    await addGoal(m0!, leadGoals[0]!, { title: "Nothing aligned yet" });
    const alignedPrivately = await addGoal(m0!, leadGoals[0]!, { title: "Aligned to privately" });
    await addGoal(below, alignedPrivately, { visibility: "private", title: "A private goal below" });
    // A disabled account with an aligned goal: its goal counts, the account is nobody to cover.
    const disabled = buildPerson({ displayName: "Dee Disabled", managerId: leads[0]!.id, accountEnabled: false });
    await addPeople([disabled]);
    await addGoal(disabled, leadGoals[0]!, { title: "A disabled account's goal" });
  });

  test("equal the figures of the same branch loaded in full", { timeout: 120_000 }, async () => {
    const team = await view(head, head, 1);
    const tree = await view(head, head, MAX_ORG_DEPTH);
    expect(tree.result.isTruncated).toBe(false);
    expect(team.result.isTruncated).toBe(true);
    for (const id of [head.id, ...leads.map((l) => l.id)]) expect(comparable(figuresOf(team.result, id))).toEqual(comparable(figuresOf(tree.result, id)));
    expect(figuresOf(team.result, head.id)).toMatchObject({ people: 8, orphans: 1, atRisk: 2, needsRealignment: 1 });
    expect(figuresOf(team.result, head.id).ownerLeft).toBe(1);
    // Lena's branch: Lena, Mo 0.0, Mo 0.1 and Bea count as people; Dee's account is disabled.
    expect(figuresOf(team.result, leads[0]!.id)).toMatchObject({ people: 4, covered: 3, whiteSpace: 1 });
    expect(team.result.atRisk.map((g) => g.title).sort()).toEqual(tree.result.atRisk.map((g) => g.title).sort());
    // The lists name the cut branches' goals as the full tree does.
    for (const list of ["orphans", "whiteSpace", "needsRealignment"] as const) {
      expect(team.result[list].map((g) => g.id).sort()).toEqual(tree.result[list].map((g) => g.id).sort());
      expect(team.result[list]).toEqual(expect.arrayContaining(tree.result[list]));
    }
    expect(team.result.orphans.map((g) => g.title)).toEqual(["An orphan goal"]);
    expect(team.result.needsRealignment.map((g) => g.title)).toEqual(["A private goal"]);
    expect(team.result.whiteSpace.map((g) => g.title)).toContain("Nothing aligned yet");
  });

  test("count no private goal for a viewer outside the chain", { timeout: 120_000 }, async () => {
    const mine = await view(head, head, 1);
    const theirs = await view(outsider, head, 1);
    const theirsInFull = await view(outsider, head, MAX_ORG_DEPTH);
    expect(theirs.result.isManagerView).toBe(false);
    for (const id of [head.id, ...leads.map((l) => l.id)]) expect(comparable(figuresOf(theirs.result, id))).toEqual(comparable(figuresOf(theirsInFull.result, id)));
    expect(figuresOf(theirs.result, head.id).goals).toBe(figuresOf(mine.result, head.id).goals - 3);
    expect(figuresOf(theirs.result, head.id)).toMatchObject({ needsRealignment: 0, atRisk: 1 });
    expect(figuresOf(theirs.result, leads[0]!.id)).toMatchObject({ people: 4, whiteSpace: 1 });
    expect(theirs.result.atRisk.map((g) => g.title)).not.toContain("A private goal");
    for (const list of ["orphans", "whiteSpace", "needsRealignment"] as const) expect(theirs.result[list].map((g) => g.id).sort()).toEqual(theirsInFull.result[list].map((g) => g.id).sort());
    expect(theirs.result.needsRealignment).toEqual([]);
    expect(JSON.stringify(theirs.result)).not.toContain("A private goal");
  });
});
