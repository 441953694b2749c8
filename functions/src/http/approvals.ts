/** The tab's Approvals inbox: goals waiting for the caller's decision, each with its card, and the
 * card actions the tab sends back. Actions run the same handler as card actions in Teams. */
import { z } from "zod";
import { isVerb } from "../../../cards/src/index.js";
import { json, type RouteHandlers } from "./pipeline.js";
import { parseBody } from "./schemas.js";

const cardActionSchema = z.strictObject({
  verb: z.string().refine(isVerb, "Not a card action Cascade knows."),
  data: z.record(z.string(), z.unknown()).refine((data) => JSON.stringify(data).length <= 8192, "The card data is too large."),
});

export const approvalHandlers = {
  "approvals-list": async ({ services, principal }) => json(200, { items: await services.bot.listPendingApprovals(principal) }),
  "card-actions": async ({ services, principal, body }) => json(200, await services.bot.executeCardAction(principal, parseBody(cardActionSchema, body))),
} satisfies RouteHandlers;
