/** Check-ins on a goal: record one (owner only, active goals) and read the history, newest first. */
import { listCheckInHistory, recordCheckIn } from "../domain/checkins.js";
import { AppError } from "../domain/errors.js";
import { json, type RouteContext, type RouteHandlers } from "./pipeline.js";
import { toGoalView } from "./goal-view.js";
import { checkInSchema } from "../contracts/check-ins.js";
import { parseBody, parseId } from "./schemas.js";

export function parsePage(query: URLSearchParams, defaultLimit = 20, maxLimit = 100, maxCursorChars = 2048): { limit: number; cursor: string | null } {
  const rawLimit = query.get("limit");
  const limit = rawLimit === null ? defaultLimit : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    throw new AppError("validation_failed", `limit must be a whole number from 1 to ${maxLimit}.`, { errors: [{ path: "limit", message: "Out of range." }] });
  }
  const cursor = query.get("cursor");
  if (cursor !== null && !(cursor.length <= maxCursorChars && /^[A-Za-z0-9_-]+$/.test(cursor))) throw new AppError("validation_failed", "The cursor is not valid.", { errors: [{ path: "cursor", message: "Not a valid cursor." }] });
  return { limit, cursor: cursor || null };
}

async function create(ctx: RouteContext) {
  const goalId = parseId(ctx.params.id, "id");
  const body = parseBody(checkInSchema, ctx.body);
  const input = { keyResults: body.keyResults ?? [], confidence: body.confidence, note: body.note ?? "" };
  const result = await recordCheckIn(ctx.services.progress, ctx.principal, goalId, input, { ifMatch: ctx.request.headers.get("if-match") });
  const cycle = await ctx.services.goals.findCycle(ctx.principal.tenantId, result.goal.value.cycleId);
  return json(201, { checkIn: result.checkIn, goal: toGoalView(result.goal, cycle) }, { etag: result.goal.etag, location: `/api/goals/${goalId}/checkins` });
}

export const checkInHandlers = {
  "checkins-create": create,
  "checkins-list": async (ctx) => json(200, await listCheckInHistory(ctx.services.progress, ctx.principal, parseId(ctx.params.id, "id"), parsePage(ctx.query))),
} satisfies RouteHandlers;
