import { describe, expect, it } from "vitest";
import type { AdminLogEntry } from "../contracts/admin.js";
import { closeCycle, createCycle, cycleIdFor, type CycleAdminDeps } from "./cycles.js";
import { isAppError } from "./errors.js";
import type { Cycle, Principal } from "./types.js";

const ADMIN: Principal = { tenantId: "t1", userId: "admin-1", name: "Admin", roles: ["Cascade.Admin"] };
const AT = new Date("2027-01-10T09:00:00.000Z");

function buildDeps() {
  const cycles = new Map<string, Cycle>();
  const log: AdminLogEntry[] = [];
  let n = 0;
  const ids = { newId: () => `id-${++n}` };
  const clock = { now: () => AT };
  const deps: CycleAdminDeps = {
    cycles: {
      listCycles: async (tenantId) => [...cycles.values()].filter((c) => c.tenantId === tenantId),
      getCycle: async (tenantId, id) => cycles.get(`${tenantId}/${id}`) ?? null,
      saveCycle: async (cycle) => void cycles.set(`${cycle.tenantId}/${cycle.id}`, cycle),
    },
    clock,
    ids,
    adminLog: { entries: { addLogEntry: async (_tenantId, entry) => void log.push(entry), listLog: async () => log }, clock, ids },
  };
  return { deps, cycles, log };
}

const Q1 = { name: "Q1 2027", startDate: "2027-01-01", endDate: "2027-03-31" };

describe("cycles", () => {
  it("names a new cycle after its title, or gives it a fresh id when the title has no letters or digits", () => {
    let n = 0;
    const ids = { newId: () => `fresh-${++n}` };
    expect(cycleIdFor("  Q1 2027 — Growth! ", ids)).toBe("q1-2027-growth");
    expect(cycleIdFor("???", ids)).toBe("fresh-1");
    expect(cycleIdFor("x".repeat(80), ids)).toHaveLength(60);
  });

  it("creates an open cycle and refuses a second one with the same id", async () => {
    const { deps, cycles } = buildDeps();
    const created = await createCycle(deps, ADMIN, Q1);
    expect(created).toEqual({ tenantId: "t1", id: "q1-2027", ...Q1, status: "open" });
    expect(cycles.get("t1/q1-2027")).toEqual(created);
    const error = await createCycle(deps, ADMIN, { ...Q1, name: "Another name", id: "q1-2027" }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("conflict");
    expect(cycles.size).toBe(1);
  });

  it("closes an open cycle once, and records who closed it in the admin log", async () => {
    const { deps, cycles, log } = buildDeps();
    await createCycle(deps, ADMIN, Q1);
    const closed = await closeCycle(deps, ADMIN, "q1-2027");
    expect(closed.status).toBe("closed");
    expect(cycles.get("t1/q1-2027")?.status).toBe("closed");
    expect(log).toEqual([{ id: expect.any(String), at: AT.toISOString(), actorId: "admin-1", action: "cycle_closed", details: { cycleId: "q1-2027" } }]);
    const again = await closeCycle(deps, ADMIN, "q1-2027").catch((e: unknown) => e);
    expect(isAppError(again) && again.code).toBe("invalid_transition");
    const missing = await closeCycle(deps, ADMIN, "q9-2027").catch((e: unknown) => e);
    expect(isAppError(missing) && missing.code).toBe("not_found");
    expect(log).toHaveLength(1);
  });
});
