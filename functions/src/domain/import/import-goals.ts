/** Turns grouped rows into goals: owner, cycle and parent resolved, key results kept by identity,
 * and an imported goal that is not a draft counted as approved as it stands. */
import { kindForLegacyNumber } from "../../contracts/key-results.js";
import { diffGoals, takeSnapshot } from "../goal-changes.js";
import { newGoalId } from "../goal-ids.js";
import { MAX_KEY_RESULTS } from "../../contracts/limits.js";
import type { Versioned } from "../ports.js";
import type { Cycle, Goal, GoalFlag, KeyResult } from "../types.js";
import type { ImportMapping, PlanInput, PlannedGoal, UnknownOwner } from "./import-types.js";
import type { ImportRow, RowError } from "./import-rows.js";

export interface GoalRows {
  row: ImportRow;
  keyResults: ImportRow[];
}

/** A goal row whose owner, cycle and parent are found: what building its goal needs besides its rows
 * and the stored goal it replaces. */
export interface ResolvedGoal {
  fileId: string;
  line: number;
  goalId: string;
  /** The owner the file names (an existing goal keeps its stored owner). */
  ownerId: string;
  depth: number;
  cycle: Cycle;
  parent: { goalId: string; ownerId: string } | null;
  /** Set when the file id was imported before: the goal it became is read and compared. */
  isMapped: boolean;
}

type State = ResolvedGoal | "failed" | "visiting";

export interface Resolution {
  /** In the order the goals were resolved (parents before the goals aligned to them). */
  resolved: ResolvedGoal[];
  unknownOwners: UnknownOwner[];
  /** Goal file ids seen for the first time. */
  newMappings: ImportMapping[];
}

interface Built {
  writes: PlannedGoal[];
  unchanged: number;
  unknownOwners: UnknownOwner[];
  newMappings: ImportMapping[];
}

/** What building goals needs of the plan's input; the stored goals are handed to each build. */
export type BuildInput = Pick<PlanInput, "tenantId" | "now" | "owners" | "mappings" | "newId">;

/** What one goal's rows become: a write, or rows already as the file says. */
export interface BuiltGoal {
  write: PlannedGoal | null;
  unchanged: number;
  /** Key-result file ids seen for the first time. */
  newMappings: ImportMapping[];
}

function findCycle(cycles: Cycle[], text: string): Cycle | undefined {
  const key = text.trim().toLowerCase();
  return cycles.find((c) => c.id === text.trim()) ?? cycles.find((c) => c.name.trim().toLowerCase() === key);
}

function toKeyResult(row: ImportRow, id: string): KeyResult {
  const kr = row.keyResult!;
  if (kr.kind === "milestone") return { id, title: row.title, kind: "milestone", done: kr.done };
  // A plain number reads as an increase or a decrease, as stored key results of that shape do.
  return { id, title: row.title, kind: kindForLegacyNumber(kr.start, kr.target), start: kr.start, target: kr.target, current: kr.current, unitKind: "text", ...(kr.unit ? { unit: kr.unit } : {}) };
}

/** Owners, cycles and parents of every goal row, and the ids of goals seen for the first time. Stored
 * goals are needed only for parents outside the file (`input.goals`). A goal that cannot be imported
 * fails with its key results. */
export function resolveGoals(input: Omit<PlanInput, "rows" | "rowErrors" | "rowCount">, grouped: ReadonlyMap<string, GoalRows>, errors: RowError[]): Resolution {
  const resolution: Resolution = { resolved: [], unknownOwners: [], newMappings: [] };
  const unknown = new Map<string, UnknownOwner>();
  const states = new Map<string, State>();
  const goalOfKeyResult = new Map<string, string>();
  for (const [id, group] of grouped) for (const kr of group.keyResults) goalOfKeyResult.set(kr.id, id);
  const fail = (group: GoalRows, message: string): "failed" => {
    errors.push({ line: group.row.line, message });
    for (const kr of group.keyResults) errors.push({ line: kr.line, message: `Its goal on line ${group.row.line} cannot be imported.` });
    return "failed";
  };

  const resolveOwner = (row: ImportRow): string | null => {
    const chosen = input.ownerChoices[row.owner];
    if (chosen && input.owners.has(chosen)) return chosen;
    const match = input.owners.resolve(row.owner);
    if ("personId" in match) return match.personId;
    const entry = unknown.get(row.owner) ?? { owner: row.owner, problem: match.problem, lines: [] };
    entry.lines.push(row.line);
    unknown.set(row.owner, entry);
    return null;
  };

  /** The parent's Cascade id, its owner and the depth it puts this goal at; a message when it cannot be found. */
  const resolveParent = (row: ImportRow): { parent: { goalId: string; ownerId: string } | null; depth: number } | string => {
    if (row.parent === "") return { parent: null, depth: 0 };
    const fileGoal = grouped.has(row.parent) ? row.parent : goalOfKeyResult.get(row.parent);
    if (fileGoal !== undefined) {
      const state = resolve(fileGoal);
      if (state === "visiting") return `Its parent "${row.parent}" aligns back to it; the goals in the file make a loop.`;
      if (state === "failed") return `Its parent on line ${grouped.get(fileGoal)!.row.line} cannot be imported.`;
      return { parent: { goalId: state.goalId, ownerId: state.ownerId }, depth: state.depth + 1 };
    }
    const mapped = input.mappings.get(row.parent);
    const stored = input.goals.get(mapped ? mapped.goalId : row.parent);
    if (stored) return { parent: { goalId: stored.value.id, ownerId: stored.value.ownerId }, depth: 0 };
    return `Its parent "${row.parent}" is neither a goal in the file nor a goal in Cascade.`;
  };

  const resolve = (fileId: string): State => {
    const known = states.get(fileId);
    if (known) return known;
    states.set(fileId, "visiting");
    const state = resolveOne(grouped.get(fileId)!);
    states.set(fileId, state);
    if (state !== "failed" && state !== "visiting") resolution.resolved.push(state);
    return state;
  };

  const resolveOne = (group: GoalRows): State => {
    const { row } = group;
    const ownerId = resolveOwner(row);
    if (!ownerId) return fail(group, `The owner "${row.owner}" is ${unknown.get(row.owner)?.problem === "ambiguous" ? "more than one person in the directory" : "not in the directory"}.`);
    const cycle = findCycle(input.cycles, row.cycle);
    if (!cycle) return fail(group, `The cycle "${row.cycle}" does not exist; create it first or use an existing cycle's name.`);
    const mapping = input.mappings.get(row.id);
    if (mapping?.keyResultId) return fail(group, `The id "${row.id}" was imported as a key result before; give the goal another id.`);
    const parent = resolveParent(row);
    if (typeof parent === "string") return fail(group, parent);
    const goalId = mapping?.goalId ?? newGoalId(ownerId, input);
    if (!mapping) resolution.newMappings.push({ fileId: row.id, goalId, keyResultId: null });
    return { fileId: row.id, line: row.line, goalId, ownerId, depth: parent.depth, cycle, parent: parent.parent, isMapped: mapping !== undefined };
  };

  for (const fileId of grouped.keys()) resolve(fileId);
  resolution.unknownOwners = [...unknown.values()];
  return resolution;
}

/** One resolved goal's rows → the goal to write (or nothing, when the stored goal is already as the
 * file says), given the stored goal its file id became. */
export function buildGoal(input: BuildInput, group: GoalRows, resolved: ResolvedGoal, previous: Versioned<Goal> | null, errors: RowError[]): BuiltGoal {
  const newMappings: ImportMapping[] = [];
  const keyResults = buildKeyResults(input, group, resolved.goalId, previous, newMappings, errors);
  const goal = composeGoal(input, { row: group.row, ownerId: resolved.ownerId, cycle: resolved.cycle, goalId: resolved.goalId, parent: resolved.parent, previous, keyResults: keyResults.list });
  const rows = 1 + keyResults.create + keyResults.update;
  if (previous && isSame(previous.value, goal)) return { write: null, unchanged: rows + keyResults.same, newMappings };
  return { write: { line: group.row.line, goal, previous, depth: resolved.depth, rows, keyResults: { create: keyResults.create, update: keyResults.update } }, unchanged: keyResults.same, newMappings };
}

/** Every goal at once, for a plan held whole (`input.goals` has the stored goals the file's ids map to). */
export function buildGoals(input: PlanInput, grouped: Map<string, GoalRows>, errors: RowError[]): Built {
  const resolution = resolveGoals(input, grouped, errors);
  const built: Built = { writes: [], unchanged: 0, unknownOwners: resolution.unknownOwners, newMappings: resolution.newMappings };
  for (const resolved of resolution.resolved) {
    const previous = resolved.isMapped ? (input.goals.get(resolved.goalId) ?? null) : null;
    const one = buildGoal(input, grouped.get(resolved.fileId)!, resolved, previous, errors);
    built.unchanged += one.unchanged;
    if (one.write) built.writes.push(one.write);
    built.newMappings.push(...one.newMappings);
  }
  return built;
}

function buildKeyResults(input: BuildInput, group: GoalRows, goalId: string, previous: Versioned<Goal> | null, newMappings: ImportMapping[], errors: RowError[]) {
  const list: KeyResult[] = [...(previous?.value.keyResults ?? [])];
  const counts = { create: 0, update: 0, same: 0 };
  for (const row of [...group.keyResults].sort((a, b) => a.line - b.line)) {
    const mapping = input.mappings.get(row.id);
    if (mapping && (mapping.goalId !== goalId || !mapping.keyResultId)) {
      errors.push({ line: row.line, message: `The id "${row.id}" was imported before as ${mapping.keyResultId ? "a key result of another goal" : "a goal"}; give it another id.` });
      continue;
    }
    const at = mapping ? list.findIndex((kr) => kr.id === mapping.keyResultId) : -1;
    if (at < 0 && list.length >= MAX_KEY_RESULTS) {
      errors.push({ line: row.line, message: `The goal on line ${group.row.line} already has ${MAX_KEY_RESULTS} key results, the most a goal can have.` });
      continue;
    }
    const kr = toKeyResult(row, mapping?.keyResultId ?? input.newId());
    if (!mapping) newMappings.push({ fileId: row.id, goalId, keyResultId: kr.id });
    if (at < 0) {
      list.push(kr);
      counts.create++;
    } else {
      counts[JSON.stringify(list[at]) === JSON.stringify(kr) ? "same" : "update"]++;
      list[at] = kr;
    }
  }
  return { list, ...counts };
}

interface GoalParts {
  row: ImportRow;
  ownerId: string;
  cycle: Cycle;
  goalId: string;
  parent: { goalId: string; ownerId: string } | null;
  previous: Versioned<Goal> | null;
  keyResults: KeyResult[];
}

function composeGoal(input: BuildInput, parts: GoalParts): Goal {
  const { row, previous } = parts;
  const before = previous?.value;
  // An existing goal keeps its owner: moving goals between people is a reassignment, not an import.
  const ownerId = before?.ownerId ?? parts.ownerId;
  const status = row.status ?? before?.status ?? "draft";
  const isCrossChain = parts.parent !== null && parts.parent.ownerId !== ownerId && !input.owners.chainOf(ownerId).includes(parts.parent.ownerId);
  const flags: GoalFlag[] = (before?.flags ?? []).filter((f) => f !== "cross_chain" && f !== "needs_realignment");
  if (isCrossChain) flags.push("cross_chain");
  const draft = { cycleId: parts.cycle.id, title: row.title, description: row.description, dueDate: row.due ?? parts.cycle.endDate, parentId: parts.parent?.goalId ?? null, keyResults: parts.keyResults };
  const isApproved = status !== "draft" && status !== "pending_approval" && status !== "changes_requested" && status !== "rejected";
  return {
    tenantId: input.tenantId,
    id: parts.goalId,
    ownerId,
    ...draft,
    visibility: before?.visibility ?? "public",
    weight: before?.weight ?? 1,
    isTopLevel: before?.isTopLevel ?? false,
    status,
    approverId: isApproved ? (before?.status === status ? before.approverId : input.owners.managerOf(ownerId)) : (before?.approverId ?? null),
    approvedSnapshot: isApproved ? takeSnapshot(draft) : (before?.approvedSnapshot ?? null),
    flags,
    lastCheckIn: before?.lastCheckIn ?? null,
    createdAt: before?.createdAt ?? input.now,
    updatedAt: input.now,
  };
}

function isSame(before: Goal, after: Goal): boolean {
  const fields = ["status", "approverId", "approvedSnapshot", "flags"] as const;
  return Object.keys(diffGoals(before, after)).length === 0 && fields.every((f) => JSON.stringify(before[f]) === JSON.stringify(after[f]));
}
