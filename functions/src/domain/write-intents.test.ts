import { describe, expect, it } from "vitest";
import { AppError } from "./errors.js";
import type { GoalRepository, GoalWrite } from "./ports.js";
import { repairPendingWrites, withWriteIntents, type PendingWrite, type PendingWrites, type RepairDeps } from "./write-intents.js";
import type { Goal } from "./types.js";

function createPending(): PendingWrites & { rows: Map<string, PendingWrite>; log: string[] } {
  const rows = new Map<string, PendingWrite>();
  const log: string[] = [];
  return {
    rows,
    log,
    open: async (w) => void (rows.set(w.writeId, w), log.push(`open ${w.goalId}`)),
    close: async (w) => void (rows.delete(w.writeId), log.push(`close ${w.goalId}`)),
    listStartedBefore: async (time) => [...rows.values()].filter((w) => w.startedAt < time),
  };
}

const goal = (overrides: Partial<Goal> = {}) => ({ tenantId: "t", id: "g1", ownerId: "alice", parentId: "p2", title: "New", status: "draft", keyResults: [], flags: [], updatedAt: "2027-01-02T00:00:00.000Z", ...overrides }) as unknown as Goal;

function createRepository(save: () => Promise<void>, log: string[]): GoalRepository {
  return {
    saveGoal: async (write: GoalWrite) => (await save(), log.push(`save ${write.goal.id}`), { value: write.goal, etag: "e2" }),
    deleteGoal: async () => void log.push("delete"),
  } as unknown as GoalRepository;
}

const deps = (pending: PendingWrites) => ({ pending, newId: () => Math.random().toString(36), now: () => new Date("2027-01-02T00:00:00.000Z"), onError: () => undefined });

describe("goal writes with intents", () => {
  it("records the intent before the write, with the parents and owners it touches, and clears it after", async () => {
    const pending = createPending();
    const goals = withWriteIntents(createRepository(async () => undefined, pending.log), deps(pending));
    await goals.saveGoal({ goal: goal(), previous: goal({ parentId: "p1", title: "Old" }), etag: "e1", audit: [] });
    await Promise.resolve();
    expect(pending.log).toEqual(["open g1", "save g1", "close g1"]);
    expect(pending.rows.size).toBe(0);
  });

  it("writes no intent when the goal's summary does not change", async () => {
    const pending = createPending();
    const goals = withWriteIntents(createRepository(async () => undefined, pending.log), deps(pending));
    await goals.saveGoal({ goal: goal({ description: "b" }), previous: goal({ description: "a" }), etag: "e1", audit: [] });
    expect(pending.log).toEqual(["save g1"]);
  });

  it("keeps the intent when the write failed after it may have changed storage, and drops it when nothing was written", async () => {
    const pending = createPending();
    const failing = withWriteIntents(createRepository(async () => Promise.reject(new Error("connection reset")), pending.log), deps(pending));
    await expect(failing.saveGoal({ goal: goal(), audit: [] })).rejects.toThrow("connection reset");
    expect(pending.rows.size).toBe(1);
    const stale = withWriteIntents(createRepository(async () => Promise.reject(new AppError("precondition_failed", "stale")), pending.log), deps(pending));
    await expect(stale.saveGoal({ goal: goal({ id: "g2" }), audit: [] })).rejects.toThrow("stale");
    await Promise.resolve();
    expect([...pending.rows.values()].map((w) => w.goalId)).toEqual(["g1"]);
  });

  it("repairs an unfinished write from the goal as it is now, then clears the intent", async () => {
    const pending = createPending();
    await pending.open({ tenantId: "t", goalId: "g1", writeId: "w1", ownerIds: ["alice"], parentIds: ["p1", "p2"], startedAt: "2027-01-01T00:00:00.000Z" });
    await pending.open({ tenantId: "t", goalId: "g9", writeId: "w9", ownerIds: ["bob"], parentIds: [], startedAt: "2027-01-01T00:00:00.000Z" });
    const calls: string[] = [];
    const repair: RepairDeps = {
      pending,
      goals: { getGoal: async (_t, id) => (id === "g1" ? { value: goal(), etag: "e" } : null) },
      repairGoalRows: async (_t, id, g, parents) => void calls.push(`rows ${id} ${g ? "live" : "gone"} ${parents.join(",")}`),
      reindex: async (g) => void calls.push(`reindex ${g.id}`),
      unindex: async (_t, id) => void calls.push(`unindex ${id}`),
      refreshRollUps: async (_t, owners) => void calls.push(`roll-ups ${owners.join(",")}`),
    };
    expect(await repairPendingWrites(repair, new Date("2027-01-01T12:00:00.000Z"))).toBe(2);
    expect(calls).toEqual(["rows g1 live p1,p2", "reindex g1", "roll-ups alice", "rows g9 gone ", "unindex g9", "roll-ups bob"]);
    expect(pending.rows.size).toBe(0);
  });
});
