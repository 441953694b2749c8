/** Seeds the API benchmark straight into the stores' tables (the API would take hours): an 8-ary org
 * chart, and goals written with the goal store's own entity mapping, a transaction per owner. Seeding
 * stops at the goal target or when its time budget is spent, whichever comes first. */
import type { TableClient, TransactionAction } from "@azure/data-tables";
import { newGoalId } from "../../functions/src/domain/goal-ids.js";
import type { Cycle, Goal, Person } from "../../functions/src/domain/types.js";
import { toGoalEntity } from "../../functions/src/store/goal-entity.js";
import { goalPointerAt } from "../../functions/src/store/goal-pointers.js";
import { TABLE_NAMES, type TableFactory } from "../../functions/src/store/tables.js";

export const SPAN = 8;
const CONCURRENCY = 16;

export const personId = (n: number) => `p${String(n).padStart(6, "0")}`;
export const managerOf = (n: number) => (n === 0 ? null : Math.floor((n - 1) / SPAN));
/** 1–4 goals a person, 2.5 on average. */
export const goalCountOf = (n: number) => 1 + (n % 4);
/** Goal k of person n, made by the product's own id function (so the id names its owner, as a goal
 * created through the API does); the random part is a UUID fixed by n and k, so ids can be recomputed. */
export const goalIdOf = (n: number, k: number) => newGoalId(personId(n), { newId: () => `${n.toString(16).padStart(8, "0")}-0000-4000-8000-${k.toString(16).padStart(12, "0")}` });

export function buildPeople(count: number): Person[] {
  return Array.from({ length: count }, (_, n) => ({
    id: personId(n), displayName: `Person ${n}`, mail: null, jobTitle: "Engineer", department: `Dept ${n % 12}`,
    managerId: managerOf(n) === null ? null : personId(managerOf(n)!), accountEnabled: true, updatedAt: "2026-01-01T00:00:00.000Z",
  }));
}

function buildGoal(tenantId: string, cycle: Cycle, n: number, k: number, now: string): Goal {
  const manager = managerOf(n);
  return {
    tenantId, id: goalIdOf(n, k), ownerId: personId(n), cycleId: cycle.id, title: `Improve customer outcome ${k} for team ${n}`,
    description: "A realistic description of why this goal matters to customers and how we will know it is done.",
    dueDate: cycle.endDate, visibility: "public", parentId: manager === null ? null : goalIdOf(manager, 0), weight: 1,
    keyResults: [
      { id: `kr${k}a`, title: "Share of orders completed in one page", kind: "increase", start: 0, target: 100, current: (n * 7 + k * 13) % 100, unitKind: "percent" },
      { id: `kr${k}b`, title: "Launch reviewed by support", kind: "milestone", done: (n + k) % 3 === 0 },
    ],
    status: (n + k) % 11 === 0 ? "pending_approval" : "active", approverId: manager === null ? null : personId(manager), isTopLevel: manager === null,
    approvedSnapshot: null, flags: [], lastCheckIn: (n + k) % 2 === 0 ? { at: now, confidence: (n + k) % 5 === 0 ? "at_risk" : "on_track" } : null,
    createdAt: now, updatedAt: now,
  };
}

const SEED_ATTEMPTS = 4;

/** One owner's goals and pointers (one pointer at a time: a worker's burst of 17 at once outlasts the
 * request timeout on a busy machine). Every write is an upsert, so an attempt that failed is made again. */
async function seedOwner(goals: TableClient, index: TableClient, tenantId: string, cycle: Cycle, n: number, ks: number[], now: string): Promise<number> {
  const list = ks.map((k) => buildGoal(tenantId, cycle, n, k, now));
  for (let attempt = 1; ; attempt++) {
    try {
      await goals.submitTransaction(list.map((g): TransactionAction => ["upsert", { ...toGoalEntity(g) }, "Replace"]));
      for (const g of list) await index.upsertEntity({ ...goalPointerAt(tenantId, g.id), ownerId: g.ownerId }, "Replace");
      return list.length;
    } catch (error) {
      if (attempt === SEED_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    }
  }
}

export interface SeedPlan {
  people: number;
  goalTarget: number;
  budgetMs: number;
  /** Owners seeded first (the subtrees the team view reads), then everyone else in order. */
  firstOwners: number[];
}

export interface SeedResult {
  goals: number;
  owners: number[];
  /** Goals seeded per owner: goal ids are goalIdOf(owner, 0 … count - 1). */
  counts: Map<number, number>;
}

/** A second round tops people up to this many goals (1M goals for 100k people averages 10 each). */
const MAX_GOALS_PER_PERSON = 17;

/** First everyone gets 1–4 goals; then, while the target and the time budget allow, everyone outside
 * the team views gets more, so the seed is the largest that fits the budget. */
export async function seedGoals(tables: TableFactory, tenantId: string, cycle: Cycle, plan: SeedPlan): Promise<SeedResult> {
  const goals = tables.getClient(TABLE_NAMES.goals);
  const index = tables.getClient(TABLE_NAMES.goalIndex);
  const first = new Set(plan.firstOwners);
  const everyone = [...plan.firstOwners, ...Array.from({ length: plan.people }, (_, n) => n).filter((n) => !first.has(n))];
  const deadline = Date.now() + plan.budgetMs;
  const now = new Date().toISOString();
  const counts = new Map<number, number>();
  let seeded = 0;
  const isWithinPlan = () => seeded < plan.goalTarget && Date.now() < deadline;
  async function runRound(order: number[], goalsFor: (n: number) => number[]): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < order.length && isWithinPlan()) {
        const owner = order[next++]!;
        const ks = goalsFor(owner);
        if (ks.length === 0) continue;
        const added = await seedOwner(goals, index, tenantId, cycle, owner, ks, now);
        seeded += added;
        counts.set(owner, (counts.get(owner) ?? 0) + ks.length);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  }
  const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
  await runRound(everyone, (n) => range(0, goalCountOf(n)));
  await runRound(everyone.filter((n) => !first.has(n)), (n) => range(goalCountOf(n), MAX_GOALS_PER_PERSON));
  return { goals: seeded, owners: [...counts.keys()], counts };
}

/** Everyone below a manager in the 8-ary org of the seed. */
function listSubtree(manager: number, people: number): number[] {
  const found: number[] = [];
  let level = [manager];
  while (level.length > 0) {
    level = level.flatMap((m) => Array.from({ length: SPAN }, (_, i) => SPAN * m + 1 + i)).filter((n) => n < people);
    found.push(...level);
  }
  return found;
}

/** Second-line managers whose whole subtree has at most 200 goals, spread over the org. */
export interface TeamPick {
  manager: number;
  members: number[];
  goals: number;
}

export function pickTeamManagers(people: number, count: number): TeamPick[] {
  const picked: TeamPick[] = [];
  for (let m = 585; m < 4681 && picked.length < count; m += 47) {
    const members = listSubtree(m, people);
    const goals = members.reduce((sum, n) => sum + goalCountOf(n), 0);
    if (members.length === 72 && goals <= 200) picked.push({ manager: m, members, goals });
  }
  return picked;
}
