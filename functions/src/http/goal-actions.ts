/** Goal actions: submit for approval, decide, close. The bot's card actions call the same operations. */
import { closeGoalSchema, decisionSchema } from "../contracts/index.js";
import { respondWithGoal } from "./goals.js";
import type { RouteHandlers } from "./pipeline.js";
import { parseBody, parseId } from "./schemas.js";

export const goalActionHandlers = {
  "goals-submit": async (ctx) => respondWithGoal(ctx, await ctx.services.goals.submit(ctx.principal, parseId(ctx.params.id, "id"), ctx.request.headers.get("if-match"))),
  "goals-decision": async (ctx) => {
    const id = parseId(ctx.params.id, "id");
    const body = parseBody(decisionSchema, ctx.body);
    const result = await ctx.services.goals.decide(ctx.principal, id, body.decision, body.comment ?? null, ctx.request.headers.get("if-match"));
    return respondWithGoal(ctx, result.goal);
  },
  "goals-close": async (ctx) => {
    const id = parseId(ctx.params.id, "id");
    const body = parseBody(closeGoalSchema, ctx.body);
    return respondWithGoal(ctx, await ctx.services.goals.close(ctx.principal, id, body.outcome, body.comment ?? null, ctx.request.headers.get("if-match")));
  },
} satisfies RouteHandlers;
