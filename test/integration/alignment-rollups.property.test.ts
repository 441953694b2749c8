/** The alignment roll-ups kept incrementally equal the roll-ups computed from the goals, after any sequence
 * of creates, check-ins (progress), weight and status changes, re-alignments and deletes, some of them
 * running at the same time (their chain walks cross); and the rebuild then finds nothing to change. Real
 * stores against Azurite; fast-check draws the sequences. */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { computeAllFigures, rebuildAlignment, withAlignmentUpkeep } from "../../functions/src/domain/alignment-rollups.js";
import { computeGoalProgress } from "../../functions/src/contracts/progress.js";
import { isAppError } from "../../functions/src/domain/errors.js";
import type { GoalRepository } from "../../functions/src/domain/ports.js";
import type { Goal, GoalStatus } from "../../functions/src/domain/types.js";
import { createAlignmentRows } from "../../functions/src/store/alignment-rows.js";
import { createGoalStore } from "../../functions/src/store/goal-store.js";
import { createTableFactory, type TableFactory } from "../../functions/src/store/tables.js";
import { buildTestGoal } from "../support/test-goals.js";

const STATUSES: GoalStatus[] = ["draft", "pending_approval", "active", "active", "active", "rejected", "completed", "missed", "cancelled"];

let factory: TableFactory;

beforeAll(async () => {
  factory = createTableFactory({ kind: "connectionString", connectionString: inject("azuriteConnectionString") });
  await factory.ensureTables([...createGoalStore(factory).tables]);
});

const fields = fc.record({
  current: fc.integer({ min: 0, max: 100 }),
  weight: fc.constantFrom(0, 1, 2, 3),
  status: fc.constantFrom(...STATUSES),
  /** Aligned to one of the goals made before it (so links never loop), or to nothing. */
  parent: fc.option(fc.nat(), { nil: null }),
});

const operation = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("create" as const), fields }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant("update" as const), goal: fc.nat(), fields }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant("checkIn" as const), goal: fc.nat(), current: fc.integer({ min: 0, max: 100 }) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("delete" as const), goal: fc.nat() }), weight: 1 },
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

interface World {
  tenantId: string;
  goals: GoalRepository;
  /** Goal ids in the order they were made; a goal may align to those before it. */
  made: string[];
}

const audit = (goalId: string) => ({ id: randomUUID(), goalId, at: new Date().toISOString(), actorId: "p1", action: "test", comment: null, changes: {} });
const withCurrent = (goal: Goal, current: number): Goal => ({ ...goal, keyResults: [{ ...goal.keyResults[0]!, current } as Goal["keyResults"][number]] });
const parentFor = (world: World, position: number, pick: number | null) => (pick === null || position === 0 ? null : world.made[pick % position]!);

/** Two writers on one goal: the second finds it changed (412), as it would through the API. */
const isLostWrite = (error: unknown) => isAppError(error) && (error.code === "precondition_failed" || error.code === "conflict");

async function apply(world: World, op: Operation): Promise<void> {
  const { tenantId } = world;
  if (op.kind === "create") {
    const id = `g${world.made.length}-${randomUUID().slice(0, 8)}`;
    const position = world.made.length;
    world.made.push(id);
    const goal = withCurrent(buildTestGoal({ tenantId, id, ownerId: `p${position % 3}`, weight: op.fields.weight, status: op.fields.status, parentId: parentFor(world, position, op.fields.parent) }), op.fields.current);
    await world.goals.saveGoal({ goal, audit: [audit(id)] });
    return;
  }
  if (world.made.length === 0) return;
  const position = op.goal % world.made.length;
  const id = world.made[position]!;
  const stored = await world.goals.getGoal(tenantId, id);
  if (!stored) return;
  const previous = stored.value;
  try {
    if (op.kind === "delete") return await world.goals.deleteGoal(tenantId, previous, stored.etag, audit(id));
    const next: Goal =
      op.kind === "checkIn"
        ? withCurrent(previous, op.current)
        : { ...withCurrent(previous, op.fields.current), weight: op.fields.weight, status: op.fields.status, parentId: parentFor(world, position, op.fields.parent) };
    await world.goals.saveGoal({ goal: { ...next, updatedAt: new Date().toISOString() }, etag: stored.etag, previous, audit: [audit(id)] });
  } catch (error) {
    if (!isLostWrite(error)) throw error;
  }
}

/** Every kept row against the figures computed from the live goals. */
async function check(world: World): Promise<void> {
  const rows = createAlignmentRows(factory);
  const live = (await Promise.all(world.made.map((id) => world.goals.getGoal(world.tenantId, id)))).flatMap((g) => (g ? [g.value] : []));
  const expected = computeAllFigures(live.map((g) => ({ id: g.id, parentId: g.parentId, weight: g.weight, status: g.status, progress: computeGoalProgress(g.keyResults) })));
  const kept = new Map<string, { parentId: string; rolledUpProgress: number | null; alignedCount: number | null; progress: number; weight: number; status: string }>();
  for await (const { parentId, row } of rows.listAll(world.tenantId)) kept.set(row.value.id, { parentId, ...row.value });
  const aligned = live.filter((g) => g.parentId !== null);
  expect([...kept.keys()].sort()).toEqual(aligned.map((g) => g.id).sort());
  for (const goal of aligned) {
    const row = kept.get(goal.id)!;
    expect(row.parentId).toBe(goal.parentId);
    expect({ weight: row.weight, status: row.status, alignedCount: row.alignedCount }).toEqual({ weight: goal.weight, status: goal.status, alignedCount: expected.get(goal.id)!.alignedCount });
    expect(row.progress).toBeCloseTo(computeGoalProgress(goal.keyResults), 12);
    expect(row.rolledUpProgress).toBeCloseTo(expected.get(goal.id)!.rolledUpProgress, 12);
  }
  expect(await rebuildAlignment(rows, world.tenantId)).toEqual({ rows: aligned.length, rowsChanged: 0 });
}

describe("alignment roll-ups: incremental = computed from the goals = rebuilt", () => {
  test("random writes, some at the same time", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(operation, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 18 }), async (steps) => {
        const tenantId = `t-${randomUUID()}`;
        const errors: unknown[] = [];
        const world: World = { tenantId, goals: withAlignmentUpkeep(createGoalStore(factory), createAlignmentRows(factory), (error) => errors.push(error)), made: [] };
        for (const step of steps) await Promise.all(step.map((op) => apply(world, op)));
        expect(errors).toEqual([]);
        await check(world);
      }),
      { numRuns: 25 },
    );
  });
});
