import { describe, expect, test } from "vitest";
import type { CycleRepository } from "../domain/ports.js";
import type { Cycle } from "../domain/types.js";
import { withCycleCache } from "./cycle-cache.js";

function buildRepository() {
  const stored: Cycle[] = [{ tenantId: "t", id: "q1", name: "Q1", startDate: "2027-01-01", endDate: "2027-03-31", status: "open" }];
  let reads = 0;
  const repository: CycleRepository = {
    listCycles: async () => (reads++, [...stored]),
    getCycle: async (_t, id) => (reads++, stored.find((c) => c.id === id) ?? null),
    saveCycle: async (cycle) => void stored.push(cycle),
  };
  return { repository, reads: () => reads };
}

describe("cycle cache", () => {
  test("reads storage once per TTL, refreshes after a save, and still finds a cycle it has not seen", async () => {
    const { repository, reads } = buildRepository();
    let clock = 0;
    const cached = withCycleCache(repository, () => clock, 1000);
    expect((await cached.getCycle("t", "q1"))?.name).toBe("Q1");
    await cached.getCycle("t", "q1");
    await cached.listCycles("t");
    expect(reads()).toBe(1);
    await cached.saveCycle({ tenantId: "t", id: "q2", name: "Q2", startDate: "2027-04-01", endDate: "2027-06-30", status: "open" });
    expect((await cached.getCycle("t", "q2"))?.name).toBe("Q2");
    clock = 2000;
    await cached.listCycles("t");
    expect(reads()).toBe(3);
    expect(await cached.getCycle("t", "nope")).toBeNull();
  });
});
