/** Local development only (AUTH_MODE=dev): the cards the app "sent" to the caller's chat, for the
 * tab's Teams chat panel. In Teams these are real chat messages. */
import { json, type RouteHandlers } from "./pipeline.js";

export const inboxHandlers = {
  "dev-inbox": async ({ services, principal }) => {
    const items = await services.bot.listInbox(principal);
    return json(200, items.map(({ id, card, sentAt }) => ({ id, card, sentAt })));
  },
} satisfies RouteHandlers;
