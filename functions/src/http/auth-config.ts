/** How the tab signs a person in outside a Microsoft 365 host. Public: it is read before anyone has a token. */
import { describeSignIn } from "../auth/sign-in-settings.js";
import { json, type RouteHandlers } from "./pipeline.js";

export const authConfigHandlers = {
  "auth-config": async ({ services }) => json(200, describeSignIn(services.config)),
} satisfies RouteHandlers;
