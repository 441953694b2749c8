/** Goal routes: list, create, read, edit, delete, history. */
import { GOAL_STATUSES } from "../domain/types.js";
import type { Versioned } from "../domain/ports.js";
import type { Cycle, Goal } from "../domain/types.js";
import { AppError } from "../domain/errors.js";
import { json, type RouteContext, type RouteHandlers } from "./pipeline.js";
import { goalCreateSchema, goalPatchSchema, parseBody, parseId, parseOptionalId } from "./schemas.js";
import { toGoalView } from "./goal-view.js";

/** The goal as the API returns it; its cycle is read unless the operation already has it. */
export async function respondWithGoal(ctx: RouteContext, stored: Versioned<Goal>, status = 200, knownCycle?: Cycle) {
  const cycle = knownCycle ?? (await ctx.services.goals.findCycle(stored.value.tenantId, stored.value.cycleId));
  const headers: Record<string, string> = { etag: stored.etag };
  if (status === 201) headers["location"] = `/api/goals/${stored.value.id}`;
  return json(status, toGoalView(stored, cycle), headers);
}

async function list(ctx: RouteContext) {
  const ownerParam = ctx.query.get("owner");
  const ownerId = !ownerParam || ownerParam === "me" ? ctx.principal.userId : parseId(ownerParam, "owner");
  const cycleId = parseOptionalId(ctx.query, "cycle") ?? undefined;
  const status = ctx.query.get("status") ?? undefined;
  if (status !== undefined && !(GOAL_STATUSES as readonly string[]).includes(status)) {
    throw new AppError("validation_failed", `status must be one of ${GOAL_STATUSES.join(", ")}.`, { errors: [{ path: "status", message: "Unknown status." }] });
  }
  const goals = await ctx.services.goals.list(ctx.principal, ownerId, { cycleId, status });
  const cycles = new Map((await ctx.services.goals.listCycles(ctx.principal.tenantId)).map((c) => [c.id, c]));
  return json(200, { items: goals.map((g) => toGoalView(g, cycles.get(g.value.cycleId) ?? null)) });
}

export const goalHandlers = {
  "goals-list": list,
  "goals-create": async (ctx) => {
    const { goal, cycle } = await ctx.services.goals.create(ctx.principal, parseBody(goalCreateSchema, ctx.body));
    return respondWithGoal(ctx, goal, 201, cycle);
  },
  "goals-get": async (ctx) => respondWithGoal(ctx, await ctx.services.goals.get(ctx.principal, parseId(ctx.params.id, "id"))),
  "goals-update": async (ctx) => {
    const id = parseId(ctx.params.id, "id");
    const patch = parseBody(goalPatchSchema, ctx.body);
    return respondWithGoal(ctx, await ctx.services.goals.update(ctx.principal, id, ctx.request.headers.get("if-match"), patch));
  },
  "goals-delete": async (ctx) => {
    await ctx.services.goals.delete(ctx.principal, parseId(ctx.params.id, "id"), ctx.request.headers.get("if-match"));
    return { status: 204 };
  },
  "goals-history": async (ctx) => json(200, { items: await ctx.services.goals.history(ctx.principal, parseId(ctx.params.id, "id")) }),
} satisfies RouteHandlers;
