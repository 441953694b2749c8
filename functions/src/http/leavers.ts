/** Goals of people who left: their former manager or an admin gives each to someone else or closes it. */
import { closeLeaverGoalSchema, reassignGoalSchema } from "../contracts/goals.js";
import { closeLeaverGoal, reassignGoal } from "../domain/goal-reassign.js";
import { toGoalView } from "./goal-view.js";
import { respondWithGoal } from "./goals.js";
import { json, type RouteHandlers } from "./pipeline.js";
import { parseBody, parseId } from "./schemas.js";

export const leaverHandlers = {
  "goals-reassign": async (ctx) => {
    const id = parseId(ctx.params.id, "id");
    const body = parseBody(reassignGoalSchema, ctx.body);
    const saved = await reassignGoal(ctx.services.cascade, ctx.principal, id, body.newOwnerId, body.comment ?? null, ctx.request.headers.get("if-match"));
    return respondWithGoal(ctx, saved);
  },
  "goals-close-for-leaver": async (ctx) => {
    const id = parseId(ctx.params.id, "id");
    const body = parseBody(closeLeaverGoalSchema, ctx.body ?? {});
    const result = await closeLeaverGoal(ctx.services.cascade, ctx.principal, id, body.outcome ?? "cancelled", body.comment ?? null, ctx.request.headers.get("if-match"));
    if (result.outcome === "deleted") return json(200, { outcome: "deleted", goal: null });
    const cycle = await ctx.services.goals.findCycle(result.goal.value.tenantId, result.goal.value.cycleId);
    return json(200, { outcome: "closed", goal: toGoalView(result.goal, cycle) }, { etag: result.goal.etag });
  },
} satisfies RouteHandlers;
