/** Local development only (AUTH_MODE=dev): the cards the app "sent" to the caller's chat, for the
 * tab's Teams chat panel. In Teams these are real chat messages. */
import { json, type RouteDef } from "./pipeline.js";

export const inboxRoutes: RouteDef[] = [
  {
    name: "dev-inbox",
    methods: ["GET"],
    route: "api/dev/inbox",
    auth: "user",
    isDevOnly: true,
    handle: async ({ services, principal }) => {
      const items = await services.bot.listInbox(principal);
      return json(200, items.map(({ id, card, sentAt }) => ({ id, card, sentAt })));
    },
  },
];
