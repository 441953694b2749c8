/** Closing a cycle (admins). Creating one is POST /api/cycles. */
import { assertAdmin } from "../domain/admin.js";
import { closeCycle } from "../domain/cycles.js";
import { toCycleView, todayOf } from "./cycles.js";
import { json, type RouteHandlers } from "./pipeline.js";
import { parseId } from "./schemas.js";

export const adminCycleHandlers = {
  "admin-cycle-close": async (ctx) => {
    assertAdmin(ctx.principal, "close cycles");
    const closed = await closeCycle(ctx.services.admin.cycles, ctx.principal, parseId(ctx.params.id, "id"));
    return json(200, toCycleView(closed, todayOf(ctx)));
  },
} satisfies RouteHandlers;
