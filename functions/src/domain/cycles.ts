/** Cycles, the periods goals belong to: everyone lists them; admins create and close them. */
import type { CycleInput } from "../contracts/cycles.js";
import { recordAdminAction, type AdminLogDeps } from "./admin-log.js";
import { AppError, notFound } from "./errors.js";
import type { Clock, CycleRepository, IdGenerator } from "./ports.js";
import type { Cycle, Principal } from "./types.js";

export interface CycleDeps {
  cycles: CycleRepository;
  clock: Clock;
  ids: IdGenerator;
}

export interface CycleAdminDeps extends CycleDeps {
  adminLog: AdminLogDeps;
}

const SLUG_MAX = 60;

/** The id a new cycle gets unless the admin names one: its name as a slug ("Q1 2027" → "q1-2027"),
 * or a fresh id for a name with no letters or digits. */
export function cycleIdFor(name: string, ids: IdGenerator): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, SLUG_MAX);
  return slug || ids.newId();
}

export function listCycles(deps: Pick<CycleDeps, "cycles">, tenantId: string): Promise<Cycle[]> {
  return deps.cycles.listCycles(tenantId);
}

/** An open cycle; conflict when its id is taken. */
export async function createCycle(deps: CycleDeps, admin: Principal, input: CycleInput): Promise<Cycle> {
  const id = input.id ?? cycleIdFor(input.name, deps.ids);
  if (await deps.cycles.getCycle(admin.tenantId, id)) throw new AppError("conflict", `A cycle with id ${id} already exists.`);
  const cycle: Cycle = { tenantId: admin.tenantId, id, name: input.name, startDate: input.startDate, endDate: input.endDate, status: "open" };
  await deps.cycles.saveCycle(cycle);
  return cycle;
}

/** Closes an open cycle (no goal can be added to it then) and records it in the admin log. */
export async function closeCycle(deps: CycleAdminDeps, admin: Principal, cycleId: string): Promise<Cycle> {
  const cycle = await deps.cycles.getCycle(admin.tenantId, cycleId);
  if (!cycle) throw notFound("The cycle");
  if (cycle.status === "closed") throw new AppError("invalid_transition", "The cycle is already closed.");
  const closed: Cycle = { ...cycle, status: "closed" };
  await deps.cycles.saveCycle(closed);
  await recordAdminAction(deps.adminLog, admin, "cycle_closed", { cycleId });
  return closed;
}
