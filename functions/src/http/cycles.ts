/** Cycles: everyone lists them; admins create them. */
import { cycleSchema, type CycleView } from "../contracts/cycles.js";
import { isCloseOutOpen } from "../domain/close-out.js";
import { AppError } from "../domain/errors.js";
import { isAdmin } from "../domain/goal-access.js";
import type { Cycle } from "../domain/types.js";
import { json, type RouteHandlers } from "./pipeline.js";
import { parseBody } from "./schemas.js";

export function toCycleView(cycle: Cycle, today: string): CycleView {
  return { id: cycle.id, name: cycle.name, startDate: cycle.startDate, endDate: cycle.endDate, status: cycle.status, isCurrent: cycle.startDate <= today && today <= cycle.endDate, isCloseOutOpen: isCloseOutOpen(cycle, today) };
}

export const cycleHandlers = {
  "cycles-list": async ({ services, principal }) => {
    const today = services.goalDeps.clock.now().toISOString().slice(0, 10);
    const cycles = await services.goalDeps.cycles.listCycles(principal.tenantId);
    return json(200, { items: cycles.map((c) => toCycleView(c, today)) });
  },
  "cycles-create": async ({ services, principal, body }) => {
    if (!isAdmin(principal)) throw new AppError("forbidden", "Only admins can create cycles.");
    const input = parseBody(cycleSchema, body);
    const slug = input.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
    const id = input.id ?? (slug || services.goalDeps.ids.newId());
    if (await services.goalDeps.cycles.getCycle(principal.tenantId, id)) throw new AppError("conflict", `A cycle with id ${id} already exists.`);
    const cycle: Cycle = { tenantId: principal.tenantId, id, name: input.name, startDate: input.startDate, endDate: input.endDate, status: "open" };
    await services.goalDeps.cycles.saveCycle(cycle);
    return json(201, toCycleView(cycle, services.goalDeps.clock.now().toISOString().slice(0, 10)), { location: `/api/cycles/${id}` });
  },
} satisfies RouteHandlers;
