import { describe, expect, it } from "vitest";
import { reported, withUpkeep, type GoalUpkeep } from "./goal-upkeep.js";
import type { GoalRepository, GoalWrite } from "./ports.js";
import type { Goal } from "./types.js";

const goal = (overrides: Partial<Goal> = {}) => ({ tenantId: "t", id: "g1", ownerId: "alice", parentId: "p1", title: "New", status: "active", keyResults: [], flags: [], updatedAt: "2027-01-02T00:00:00.000Z", ...overrides }) as unknown as Goal;

function createRepository(log: string[]): GoalRepository {
  return {
    saveGoal: async (write: GoalWrite) => (log.push("save"), { value: write.goal, etag: "e2" }),
    deleteGoal: async () => void log.push("delete"),
  } as unknown as GoalRepository;
}

/** An upkeep that logs when it starts and finishes, and finishes only when released. */
function createUpkeep(name: string, log: string[]): GoalUpkeep & { release(): void } {
  let release = () => undefined as void;
  const held = () => new Promise<void>((resolve) => (release = resolve));
  const run = async (what: string) => {
    log.push(`${name} starts after ${what}`);
    await held();
    log.push(`${name} ends`);
    return true;
  };
  return { afterSave: () => run("save"), afterDelete: () => run("delete"), release: () => release() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("goal upkeep", () => {
  it("runs every upkeep once the goal is written, side by side, and answers when the last ends", async () => {
    const log: string[] = [];
    const first = createUpkeep("index", log);
    const second = createUpkeep("roll-ups", log);
    const goals = withUpkeep(createRepository(log), [first, second]);
    let answered = false;
    const saving = goals.saveGoal({ goal: goal({ title: "Changed" }), previous: goal(), etag: "e1", audit: [] }).then(() => (answered = true));
    await settle();
    expect(log).toEqual(["save", "index starts after save", "roll-ups starts after save"]);
    second.release();
    await settle();
    expect(answered).toBe(false);
    first.release();
    await saving;
    expect(log.slice(3)).toEqual(["roll-ups ends", "index ends"]);
  });

  it("keeps nothing when the goal's summary did not change", async () => {
    const log: string[] = [];
    const goals = withUpkeep(createRepository(log), [createUpkeep("index", log)]);
    await goals.saveGoal({ goal: goal({ description: "b" }), previous: goal({ description: "a" }), etag: "e1", audit: [] });
    expect(log).toEqual(["save"]);
  });

  it("runs the upkeeps after a delete, and none when the write fails", async () => {
    const log: string[] = [];
    const upkeep = createUpkeep("index", log);
    const goals = withUpkeep(createRepository(log), [upkeep]);
    const deleting = goals.deleteGoal("t", goal(), "e1", { id: "a1" } as never);
    await settle();
    upkeep.release();
    await deleting;
    expect(log).toEqual(["delete", "index starts after delete", "index ends"]);

    const failing = withUpkeep({ ...createRepository(log), saveGoal: (_write: GoalWrite) => Promise.reject(new Error("connection reset")) }, [createUpkeep("roll-ups", log)]);
    await expect(failing.saveGoal({ goal: goal(), audit: [] })).rejects.toThrow("connection reset");
    expect(log).not.toContain("roll-ups starts after save");
  });

  it("says the write is not kept when an upkeep failed, and still answers with the written goal", async () => {
    const log: string[] = [];
    const errors: unknown[] = [];
    const failing: GoalUpkeep = {
      afterSave: () => reported(Promise.reject(new Error("index unavailable")), (error) => errors.push(error)),
      afterDelete: () => reported(Promise.resolve(), (error) => errors.push(error)),
    };
    const goals = withUpkeep(createRepository(log), [failing, { afterSave: async () => true, afterDelete: async () => true }]);
    const write = { goal: goal({ title: "Changed" }), previous: goal(), etag: "e1", audit: [] };
    expect(await goals.saveKept(write)).toEqual({ saved: { value: write.goal, etag: "e2" }, isKept: false });
    expect(errors).toEqual([new Error("index unavailable")]);
    expect((await goals.saveGoal(write)).etag).toBe("e2");
    expect(await goals.deleteKept("t", goal(), "e1", { id: "a1" } as never)).toEqual({ isKept: true });
    expect(await goals.saveKept({ goal: goal({ description: "b" }), previous: goal({ description: "a" }), etag: "e1", audit: [] })).toMatchObject({ isKept: true });
  });
});
