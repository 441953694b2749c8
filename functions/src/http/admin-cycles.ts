/** Closing a cycle (admins). Creating one is POST /api/cycles. */
import { assertAdmin } from "../domain/admin.js";
import { AppError, notFound } from "../domain/errors.js";
import { toCycleView } from "./cycles.js";
import { json, type RouteHandlers } from "./pipeline.js";
import { parseId } from "./schemas.js";

export const adminCycleHandlers = {
  "admin-cycle-close": async ({ services, principal, params }) => {
    assertAdmin(principal, "close cycles");
    const id = parseId(params.id, "id");
    const { cycles, clock, ids } = services.goalDeps;
    const cycle = await cycles.getCycle(principal.tenantId, id);
    if (!cycle) throw notFound("The cycle");
    if (cycle.status === "closed") throw new AppError("invalid_transition", "The cycle is already closed.");
    const closed = { ...cycle, status: "closed" as const };
    await cycles.saveCycle(closed);
    const now = clock.now();
    await services.admin.store.addLogEntry(principal.tenantId, { id: ids.newId(), at: now.toISOString(), actorId: principal.userId, action: "cycle_closed", details: { cycleId: id } });
    return json(200, toCycleView(closed, now.toISOString().slice(0, 10)));
  },
} satisfies RouteHandlers;
