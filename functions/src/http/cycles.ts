/** Cycles: everyone lists them; admins create them. */
import { cycleSchema, type CycleView } from "../contracts/cycles.js";
import { assertAdmin } from "../domain/admin.js";
import { isCloseOutOpen } from "../domain/close-out.js";
import { createCycle } from "../domain/cycles.js";
import type { Cycle } from "../domain/types.js";
import { json, type RouteContext, type RouteHandlers } from "./pipeline.js";
import { parseBody } from "./schemas.js";

export function toCycleView(cycle: Cycle, today: string): CycleView {
  return { id: cycle.id, name: cycle.name, startDate: cycle.startDate, endDate: cycle.endDate, status: cycle.status, isCurrent: cycle.startDate <= today && today <= cycle.endDate, isCloseOutOpen: isCloseOutOpen(cycle, today) };
}

/** Today's date (UTC) on the app's clock, which decides whether a cycle is current. */
export const todayOf = ({ services }: Pick<RouteContext, "services">) => services.goals.today();

export const cycleHandlers = {
  "cycles-list": async (ctx) => {
    const today = todayOf(ctx);
    const cycles = await ctx.services.goals.listCycles(ctx.principal.tenantId);
    return json(200, { items: cycles.map((c) => toCycleView(c, today)) });
  },
  "cycles-create": async (ctx) => {
    assertAdmin(ctx.principal, "create cycles");
    const cycle = await createCycle(ctx.services.admin.cycles, ctx.principal, parseBody(cycleSchema, ctx.body));
    return json(201, toCycleView(cycle, todayOf(ctx)), { location: `/api/cycles/${cycle.id}` });
  },
} satisfies RouteHandlers;
