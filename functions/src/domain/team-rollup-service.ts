/** Keeping the roll-ups of team-rollups.ts current. Each person has their own contribution per cycle
 * (in their own partition) and each direct report's subtree roll-up and head count (in the manager's
 * partition). A change recomputes the owner's contribution, then walks up the management chain: each
 * manager's subtree roll-up is recomputed from their own contribution and their reports' rows, never by
 * adding deltas, so a retry or a replay writes the same rows again. Every row is written only while it
 * is still the version read before its inputs were read (ETag), and recomputed when another writer got
 * there first, so concurrent changes cannot lose one another. */
import { createCoalescer } from "./coalesce.js";
import { isAppError } from "./errors.js";
import { readAhead, reported, withUpkeep, type GoalUpkeep } from "./goal-upkeep.js";
import type { Clock, DirectoryReader, GoalRepository, Versioned } from "./ports.js";
import { LOAD_CONCURRENCY } from "./team-goals.js";
import { runLimited } from "./run-limited.js";
import { computeContribution, isEmptyRollUp, isWhiteSpaceCandidate, mergeRollUps, sameRollUp, type RollUp } from "./team-rollups.js";
import type { Goal, Person } from "./types.js";

/** Where a roll-up row lives: in the partition of `at`. */
export type RollUpSlot =
  | { kind: "own"; cycleId: string }
  | { kind: "team"; cycleId: string; reportId: string }
  | { kind: "people"; reportId: string };

export interface RollUpRows {
  /** own: a RollUp; team: a RollUp; people: a head count. */
  read(tenantId: string, at: string, slot: RollUpSlot): Promise<Versioned<RollUp | number> | null>;
  /** Writes (null: deletes) while the row is still at `etag` (null: only when there is no row);
   * throws precondition_failed when another writer changed it. */
  write(tenantId: string, at: string, slot: RollUpSlot, value: RollUp | number | null, etag: string | null): Promise<void>;
  /** The person's own contribution and their reports' subtree roll-ups for one cycle. */
  readBelow(tenantId: string, personId: string, cycleId: string): Promise<{ own: RollUp | null; reports: Map<string, RollUp> }>;
  /** The head counts of the person's reports' subtrees. */
  readPeopleBelow(tenantId: string, personId: string): Promise<Map<string, number>>;
  /** The cycles any row in the person's partition is about. */
  listCyclesAt(tenantId: string, personId: string): Promise<string[]>;
  /** Every row of the person's partition. */
  dropPartition(tenantId: string, personId: string): Promise<void>;
  /** Every row about one report in the manager's partition. */
  dropReport(tenantId: string, managerId: string, reportId: string): Promise<void>;
  /** A manager's reports' head counts and subtree roll-ups for one cycle: what a dashboard reads. */
  readTeam(tenantId: string, managerId: string, cycleId: string): Promise<{ people: Map<string, number>; rollUps: Map<string, RollUp> }>;
}

export interface RollUpDeps {
  rollUps: RollUpRows;
  directory: DirectoryReader;
  goals: Pick<GoalRepository, "listGoalsByOwner" | "listChildGoals">;
  clock: Clock;
}

const MAX_ATTEMPTS = 10;

const isLostRace = (error: unknown) => isAppError(error) && (error.code === "precondition_failed" || error.code === "conflict");

const coalesce = createCoalescer();

const slotKey = (slot: RollUpSlot) => (slot.kind === "own" ? `own/${slot.cycleId}` : slot.kind === "team" ? `team/${slot.cycleId}/${slot.reportId}` : `people/${slot.reportId}`);

/** Reads the row, computes its value from inputs read after it, and writes it if it changed; true when
 * it did. Overlapping recomputations of one row share their runs (coalesce.ts). */
function recompute<T extends RollUp | number>(deps: RollUpDeps, tenantId: string, at: string, slot: RollUpSlot, compute: () => Promise<T | null>): Promise<boolean> {
  return coalesce(`${tenantId}/${at}/${slotKey(slot)}`, () => recomputeOnce(deps, tenantId, at, slot, compute));
}

async function recomputeOnce<T extends RollUp | number>(deps: RollUpDeps, tenantId: string, at: string, slot: RollUpSlot, compute: () => Promise<T | null>): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    const current = await deps.rollUps.read(tenantId, at, slot);
    const next = await compute();
    const stored = (current?.value ?? null) as T | null;
    const isSame = typeof next === "number" || next === null ? next === stored : typeof stored !== "number" && sameRollUp(next, stored);
    if (isSame) return false;
    try {
      await deps.rollUps.write(tenantId, at, slot, next, current?.etag ?? null);
      return true;
    } catch (error) {
      if (!isLostRace(error) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

const orNull = (rollUp: RollUp) => (isEmptyRollUp(rollUp) ? null : rollUp);
const byId = <T>(entries: Map<string, T>) => [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, value]) => value);

const isCountedChild = (goal: Goal) => goal.status !== "rejected" && goal.status !== "cancelled";

function refreshOwn(deps: RollUpDeps, tenantId: string, person: Person, cycleId: string): Promise<boolean> {
  return recompute(deps, tenantId, person.id, { kind: "own", cycleId }, async () => {
    const [listed, reports] = await Promise.all([deps.goals.listGoalsByOwner(tenantId, person.id, { cycleId }), deps.directory.listDirectReports(tenantId, person.id)]);
    const goals = listed.map((g) => g.value);
    const hasReports = reports.some((r) => r.id !== person.id);
    // Only goals that may be white space need their aligned goals looked up.
    const candidates = goals.filter((g) => isWhiteSpaceCandidate(g, hasReports));
    const children = await runLimited(candidates, LOAD_CONCURRENCY, (g) => deps.goals.listChildGoals(tenantId, g.id));
    const alignedTo = new Set(candidates.filter((_, i) => children[i]!.some((c) => isCountedChild(c.value))).map((g) => g.id));
    return orNull(computeContribution(person, goals, deps.clock.now(), { isEnabled: person.accountEnabled, hasReports, alignedTo }));
  });
}

/** The subtree roll-up of a person from their own contribution and their current reports' rows. */
export function combineSubtree(own: RollUp | null, reports: RollUp[], now: Date): RollUp | null {
  return orNull(mergeRollUps([own, ...reports], now));
}

/** Who reports to the person now: an input of their rows, read with the others after the row's ETag. */
async function readReportIds(deps: RollUpDeps, tenantId: string, personId: string): Promise<Set<string>> {
  return new Set((await deps.directory.listDirectReports(tenantId, personId)).map((r) => r.id));
}

function refreshTeamRow(deps: RollUpDeps, tenantId: string, personId: string, managerId: string, cycleId: string): Promise<boolean> {
  return recompute(deps, tenantId, managerId, { kind: "team", cycleId, reportId: personId }, async () => {
    const [below, reportIds] = await Promise.all([deps.rollUps.readBelow(tenantId, personId, cycleId), readReportIds(deps, tenantId, personId)]);
    const reports = new Map([...below.reports].filter(([id]) => reportIds.has(id)));
    return combineSubtree(below.own, byId(reports), deps.clock.now());
  });
}

function refreshPeopleRow(deps: RollUpDeps, tenantId: string, person: Person, managerId: string): Promise<boolean> {
  const personId = person.id;
  return recompute(deps, tenantId, managerId, { kind: "people", reportId: personId }, async () => {
    const [below, reportIds] = await Promise.all([deps.rollUps.readPeopleBelow(tenantId, personId), readReportIds(deps, tenantId, personId)]);
    // Enabled people only: a disabled account is nobody to cover.
    let people = person.accountEnabled ? 1 : 0;
    for (const [id, n] of below) if (reportIds.has(id)) people += n;
    return people;
  });
}

export interface ChainRefresh {
  /** Recompute the starting person's own contributions first. */
  own: boolean;
  /** Recompute the own contributions of these managers too, when the walk passes them. */
  ownAlso?: ReadonlySet<string>;
  /** Recompute head counts along the chain too (the org chart changed). */
  people: boolean;
  /** Stop at the first step whose rows all come out unchanged (after a goal write): what lies above
   * was computed from them, or is being recomputed by the walk that changed them. A repair or an org
   * chart change walks to the top. */
  untilUnchanged?: boolean;
}

/** Recomputes, for these cycles, the rows from `startId` up to the top of their management chain.
 * The chain is read from the directory at every step, so a move made meanwhile is followed; each step's
 * manager is read while the rows below are recomputed, and the rows of one step (each cycle's, the head
 * count, a manager's own) are recomputed side by side. Who reports to whom is an input of each row,
 * read after the row like its other inputs. Returns the people
 * of `ownAlso` whose own contributions were recomputed on the way. */
export async function refreshChain(deps: RollUpDeps, tenantId: string, startId: string, cycleIds: readonly string[], options: ChainRefresh): Promise<Set<string>> {
  const passed = new Set<string>();
  const start = await deps.directory.getPerson(tenantId, startId);
  if (!start) return passed;
  const climbs = cycleIds.length > 0 || options.people;
  const visited = new Set([start.id]);
  const lookUpAbove = (person: Person) => (person.managerId && !visited.has(person.managerId) ? readAhead(deps.directory.getPerson(tenantId, person.managerId)) : null);
  let above = climbs ? lookUpAbove(start) : null;
  const isDone = (changed: ReadonlyArray<boolean | null>) => options.untilUnchanged === true && !changed.includes(true);
  if (options.own && isDone(await Promise.all(cycleIds.map((cycleId) => refreshOwn(deps, tenantId, start, cycleId))))) return passed;
  let person = start;
  while (above) {
    const manager = await above;
    if (!manager) return passed;
    visited.add(manager.id);
    above = lookUpAbove(manager);
    const below = person;
    const ownOfManager = options.ownAlso?.has(manager.id)
      ? Promise.all(cycleIds.map((cycleId) => refreshOwn(deps, tenantId, manager, cycleId))).then((changed) => (passed.add(manager.id), changed.includes(true)))
      : null;
    const changed = await Promise.all([
      ownOfManager,
      ...cycleIds.map((cycleId) => refreshTeamRow(deps, tenantId, below.id, manager.id, cycleId)),
      options.people ? refreshPeopleRow(deps, tenantId, below, manager.id) : null,
    ]);
    if (isDone(changed)) return passed;
    person = manager;
  }
  return passed;
}

/** After goal writes: the owners' contributions to these cycles, and their chains. */
export async function refreshOwners(deps: RollUpDeps, tenantId: string, ownerIds: readonly string[], cycleIds: readonly string[]): Promise<void> {
  for (const ownerId of new Set(ownerIds)) await refreshChain(deps, tenantId, ownerId, [...new Set(cycleIds)], { own: true, people: false });
}

/** The cycles a person's rows are about and the cycles of their goals. */
async function listPersonCycles(deps: RollUpDeps, tenantId: string, personId: string): Promise<string[]> {
  const [stored, goals] = await Promise.all([deps.rollUps.listCyclesAt(tenantId, personId), deps.goals.listGoalsByOwner(tenantId, personId, {})]);
  return [...new Set([...stored, ...goals.map((g) => g.value.cycleId)])].sort();
}

/** After a goal write whose cycles are not known (a repair): every cycle of the owner. */
export async function refreshOwnersEverywhere(deps: RollUpDeps, tenantId: string, ownerIds: readonly string[]): Promise<void> {
  for (const ownerId of new Set(ownerIds)) await refreshChain(deps, tenantId, ownerId, await listPersonCycles(deps, tenantId, ownerId), { own: true, people: false });
}

export interface PersonMove {
  personId: string;
  before: Pick<Person, "managerId" | "displayName" | "accountEnabled"> | null;
  after: Pick<Person, "managerId" | "displayName" | "accountEnabled"> | null;
}

async function attachReports(deps: RollUpDeps, tenantId: string, managerId: string): Promise<string[]> {
  const touched = new Set<string>();
  for (const report of await deps.directory.listDirectReports(tenantId, managerId)) {
    const cycles = await listPersonCycles(deps, tenantId, report.id);
    for (const cycleId of cycles) {
      await refreshTeamRow(deps, tenantId, report.id, managerId, cycleId);
      touched.add(cycleId);
    }
    await refreshPeopleRow(deps, tenantId, report, managerId);
  }
  return [...touched];
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])].sort();

/** A manager who gained their first report or lost their last: whether their goals are white space
 * changes. Recomputes their own contributions and returns the cycles those are about. */
async function refreshManagerOwn(deps: RollUpDeps, tenantId: string, managerId: string): Promise<string[]> {
  const manager = await deps.directory.getPerson(tenantId, managerId);
  if (!manager) return [];
  const cycles = await listPersonCycles(deps, tenantId, managerId);
  for (const cycleId of cycles) await refreshOwn(deps, tenantId, manager, cycleId);
  return cycles;
}

/** After the org chart changed: a joiner's contribution joins their chain, a leaver's leaves it, a
 * moved person's subtree leaves the old chain and joins the new one, an account enabled or disabled
 * counts as a person or stops counting, and a new name reaches the lists. A manager who gained their
 * first report or lost their last has their goals' white space recomputed. */
export async function applyPeopleChanges(deps: RollUpDeps, tenantId: string, moves: readonly PersonMove[]): Promise<void> {
  for (const move of moves) {
    const { before, after, personId } = move;
    const hasMoved = before !== null && (after === null || before.managerId !== after.managerId);
    const hasJoined = before === null && after !== null;
    const isRenamedOrToggled = before !== null && after !== null && (before.displayName !== after.displayName || before.accountEnabled !== after.accountEnabled);
    if (!hasMoved && !hasJoined && !isRenamedOrToggled) continue;
    let cycles = await listPersonCycles(deps, tenantId, personId);
    if (hasMoved && before.managerId) {
      await deps.rollUps.dropReport(tenantId, before.managerId, personId);
      const managerCycles = await refreshManagerOwn(deps, tenantId, before.managerId);
      await refreshChain(deps, tenantId, before.managerId, union(cycles, managerCycles), { own: false, people: true });
    }
    if (after === null) {
      await deps.rollUps.dropPartition(tenantId, personId);
      continue;
    }
    // A manager who joins after their reports: the reports' rows join the manager's partition first.
    if (hasJoined) cycles = union(cycles, await attachReports(deps, tenantId, personId));
    if ((hasMoved || hasJoined) && after.managerId) cycles = union(cycles, await refreshManagerOwn(deps, tenantId, after.managerId));
    await refreshChain(deps, tenantId, personId, cycles, { own: true, people: true });
  }
}

/** The goals whose having something counted aligned to them a write may have changed. */
function listParentsTouched(previous: Goal | undefined, next: Goal | undefined): string[] {
  const parents = new Set<string>();
  const counted = (g: Goal | undefined) => (g && g.parentId && isCountedChild(g) ? g.parentId : null);
  const before = counted(previous);
  const after = counted(next);
  if (before !== after) for (const id of [before, after]) if (id) parents.add(id);
  return [...parents];
}

/** After every write that changes a goal's summary, recomputes the roll-ups of its owners (before and
 * after) for its cycles (before and after), up their management chains, and those of the owner of a
 * goal it starts or stops being aligned to (that goal's white space). A failure is reported, not
 * thrown: the goal is written, and the rebuild job brings the rows back. */
export function rollUpUpkeep(goals: GoalRepository, deps: Omit<RollUpDeps, "goals">, onError: (error: unknown) => void): GoalUpkeep {
  const upkeep: RollUpDeps = { ...deps, goals };
  async function walk(tenantId: string, previous: Goal | undefined, next: Goal | undefined): Promise<void> {
    const known = [previous, next].filter((g): g is Goal => g !== undefined);
    const cycles = [...new Set(known.map((g) => g.cycleId))];
    // Only a goal that may be white space (active or waiting) changes with what is aligned to it.
    const parents = (await Promise.all(listParentsTouched(previous, next).map((id) => goals.getGoal(tenantId, id)))).flatMap((p) => (p && isWhiteSpaceCandidate(p.value, true) ? [p.value] : []));
    // A parent's owner is most often the owner's manager: their contribution is recomputed as the owner's chain passes them.
    const onTheWay = new Set(parents.filter((p) => cycles.includes(p.cycleId)).map((p) => p.ownerId));
    const owners = new Set(known.map((g) => g.ownerId));
    const passed = new Set([...owners].filter((id) => onTheWay.has(id)));
    for (const ownerId of owners) {
      for (const id of await refreshChain(upkeep, tenantId, ownerId, cycles, { own: true, people: false, ownAlso: onTheWay, untilUnchanged: true })) passed.add(id);
    }
    for (const parent of parents) if (!passed.has(parent.ownerId)) await refreshChain(upkeep, tenantId, parent.ownerId, [parent.cycleId], { own: true, people: false, untilUnchanged: true });
  }
  const refresh = (tenantId: string, previous: Goal | undefined, next: Goal | undefined) => reported(walk(tenantId, previous, next), onError);
  return {
    afterSave: (write) => refresh(write.goal.tenantId, write.previous, write.goal),
    afterDelete: (tenantId, goal) => refresh(tenantId, goal, undefined),
  };
}

/** The goal repository with that upkeep alone. */
export function withRollUpUpkeep<T extends GoalRepository>(goals: T, deps: Omit<RollUpDeps, "goals">, onError: (error: unknown) => void): T {
  return withUpkeep(goals, [rollUpUpkeep(goals, deps, onError)]);
}
