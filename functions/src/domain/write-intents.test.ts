import { describe, expect, it } from "vitest";
import { AppError } from "./errors.js";
import { withUpkeep, type GoalUpkeep } from "./goal-upkeep.js";
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

function createRepository(save: () => Promise<void>, log: string[], upkeeps: GoalUpkeep[] = []) {
  const store = {
    saveGoal: async (write: GoalWrite) => (await save(), log.push(`save ${write.goal.id}`), { value: write.goal, etag: "e2" }),
    deleteGoal: async () => void log.push("delete"),
  } as unknown as GoalRepository;
  return withUpkeep(store, upkeeps);
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

  it("leaves the intent for the repair when an upkeep failed after the goal was written", async () => {
    const pending = createPending();
    const upkeep: GoalUpkeep = { afterSave: async () => false, afterDelete: async () => true };
    const goals = withWriteIntents(createRepository(async () => undefined, pending.log, [upkeep]), deps(pending));
    const saved = await goals.saveGoal({ goal: goal(), previous: goal({ title: "Old" }), etag: "e1", audit: [] });
    expect(saved.etag).toBe("e2");
    await Promise.resolve();
    expect(pending.log).toEqual(["open g1", "save g1"]);
    expect([...pending.rows.values()].map((w) => w.goalId)).toEqual(["g1"]);
    await goals.deleteGoal("t", goal({ id: "g2" }), "e2", { id: "a1" } as never);
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
    const pass = await repairPendingWrites(repair, new Date("2027-01-01T12:00:00.000Z"), new Date("2027-01-01T12:00:00.000Z"), () => undefined);
    expect(pass).toEqual({ repaired: 2, failed: 0, waiting: [] });
    expect(calls.filter((call) => call.includes("g1"))).toEqual(["rows g1 live p1,p2", "reindex g1"]);
    expect(calls.filter((call) => call.includes("g9"))).toEqual(["rows g9 gone ", "unindex g9"]);
    expect(calls.filter((call) => call.startsWith("roll-ups")).sort()).toEqual(["roll-ups alice", "roll-ups bob"]);
    expect(pending.rows.size).toBe(0);
  });

  function repairDeps(pending: PendingWrites, calls: string[], options: { failFor?: string; failOwner?: string; delayMs?: number; ownerOf?: (id: string) => string } = {}): RepairDeps & { inFlight: { now: number; most: number } } {
    const inFlight = { now: 0, most: 0 };
    return {
      inFlight,
      pending,
      goals: { getGoal: async (_t, id) => ({ value: goal({ id, ownerId: options.ownerOf?.(id) ?? `owner-${id}` }), etag: "e" }) },
      repairGoalRows: async (_t, id, _g, parents) => {
        inFlight.now++;
        inFlight.most = Math.max(inFlight.most, inFlight.now);
        await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 0));
        inFlight.now--;
        if (id === options.failFor) throw new Error("storage unavailable");
        calls.push(`rows ${id} ${parents.join(",")}`);
      },
      reindex: async (g) => void calls.push(`reindex ${g.id}`),
      unindex: async () => undefined,
      refreshRollUps: async (_t, owners) => {
        if (owners.includes(options.failOwner ?? "")) throw new Error("roll-ups unavailable");
        calls.push(`roll-ups ${owners.join(",")}`);
      },
    };
  }

  const intent = (goalId: string, writeId: string, startedAt: string, parentIds: string[] = [], ownerIds = ["alice"]): PendingWrite => ({ tenantId: "t", goalId, writeId, ownerIds, parentIds, startedAt });

  it("repairs a goal's several intents once, with every parent and owner they name, and clears them all", async () => {
    const pending = createPending();
    await pending.open(intent("g1", "w1", "2027-01-01T00:00:00.000Z", ["p1"], ["alice"]));
    await pending.open(intent("g1", "w2", "2027-01-01T00:00:01.000Z", ["p1", "p2"], ["bob"]));
    const calls: string[] = [];
    const pass = await repairPendingWrites(repairDeps(pending, calls), new Date("2027-01-01T12:00:00.000Z"), new Date("2027-01-01T12:00:00.000Z"), () => undefined);
    expect(pass).toEqual({ repaired: 2, failed: 0, waiting: [] });
    expect(calls.slice(0, 2)).toEqual(["rows g1 p1,p2", "reindex g1"]);
    expect(calls.slice(2).sort()).toEqual(["roll-ups alice", "roll-ups bob", "roll-ups owner-g1"]);
    expect(pending.rows.size).toBe(0);
  });

  it("repairs a few goals at once, and one goal's failure leaves its intent for later without holding up the others", async () => {
    const pending = createPending();
    for (let i = 0; i < 10; i++) await pending.open(intent(`g${i}`, `w${i}`, "2027-01-01T00:00:00.000Z"));
    const calls: string[] = [];
    const failures: string[] = [];
    const deps = repairDeps(pending, calls, { failFor: "g3", delayMs: 5 });
    const pass = await repairPendingWrites(deps, new Date("2027-01-01T12:00:00.000Z"), new Date("2027-01-01T12:00:00.000Z"), (error, goalId) => failures.push(`${goalId}: ${(error as Error).message}`));
    expect(pass).toEqual({ repaired: 9, failed: 1, waiting: [] });
    expect(failures).toEqual(["g3: storage unavailable"]);
    expect(deps.inFlight.most).toBeGreaterThan(1);
    expect(deps.inFlight.most).toBeLessThanOrEqual(4);
    expect(calls.filter((call) => call.startsWith("reindex")).sort()).toEqual(["g0", "g1", "g2", "g4", "g5", "g6", "g7", "g8", "g9"].map((id) => `reindex ${id}`).sort());
    expect([...pending.rows.values()].map((w) => w.goalId)).toEqual(["g3"]);
  });

  it("leaves intents younger than the cutoff for a later pass, and never looks at intents recorded after the pass's bound", async () => {
    const pending = createPending();
    await pending.open(intent("old", "w1", "2027-01-01T11:59:40.000Z"));
    await pending.open(intent("young", "w2", "2027-01-01T11:59:55.000Z"));
    await pending.open(intent("later", "w3", "2027-01-01T12:00:05.000Z"));
    const calls: string[] = [];
    const pass = await repairPendingWrites(repairDeps(pending, calls), new Date("2027-01-01T12:00:00.000Z"), new Date("2027-01-01T11:59:50.000Z"), () => undefined);
    expect(pass.repaired).toBe(1);
    expect(pass.waiting.map((w) => w.goalId)).toEqual(["young"]);
    expect(calls.filter((call) => call.startsWith("reindex"))).toEqual(["reindex old"]);
    expect([...pending.rows.values()].map((w) => w.goalId).sort()).toEqual(["later", "young"]);
  });

  it("refreshes each owner's roll-ups once for all their goals, and an owner whose refresh failed keeps only their goals' intents", async () => {
    const pending = createPending();
    for (let i = 0; i < 6; i++) await pending.open(intent(`g${i}`, `w${i}`, "2027-01-01T00:00:00.000Z", [], [i % 2 === 0 ? "alice" : "bob"]));
    const calls: string[] = [];
    const failures: string[] = [];
    const deps = repairDeps(pending, calls, { failOwner: "bob", ownerOf: (id) => (Number(id.slice(1)) % 2 === 0 ? "alice" : "bob") });
    const pass = await repairPendingWrites(deps, new Date("2027-01-01T12:00:00.000Z"), new Date("2027-01-01T12:00:00.000Z"), (error, goalId) => failures.push(`${goalId}: ${(error as Error).message}`));
    expect(calls.filter((call) => call.startsWith("roll-ups"))).toEqual(["roll-ups alice"]);
    expect(failures).toEqual(["g1: roll-ups unavailable"]);
    expect(pass).toEqual({ repaired: 3, failed: 3, waiting: [] });
    expect([...pending.rows.values()].map((w) => w.goalId).sort()).toEqual(["g1", "g3", "g5"]);
  });
});
