/** The tab's Approvals inbox: goals waiting for the caller's decision, each with its card, and the
 * card actions the tab sends back. Actions run the same handler as card actions in Teams. */
import { z } from "zod";
import { isVerb } from "../../../cards/src/index.js";
import { json, type RouteDef } from "./pipeline.js";
import { parseBody } from "./schemas.js";

const cardActionSchema = z.strictObject({
  verb: z.string().refine(isVerb, "Not a card action Cascade knows."),
  data: z.record(z.string(), z.unknown()).refine((data) => JSON.stringify(data).length <= 8192, "The card data is too large."),
});

export const approvalRoutes: RouteDef[] = [
  {
    name: "approvals-list",
    methods: ["GET"],
    route: "api/approvals",
    auth: "user",
    handle: async ({ services, principal }) => json(200, { items: await services.bot.listPendingApprovals(principal) }),
  },
  {
    name: "card-actions",
    methods: ["POST"],
    route: "api/card-actions",
    auth: "user",
    handle: async ({ services, principal, body }) => json(200, await services.bot.executeCardAction(principal, parseBody(cardActionSchema, body))),
  },
];
