/** The one route table: `app.http` registration and the local host both read it. The handlers (and zod,
 * which only request bodies need) load with the first API request, so a cold start parses the table only. */
import type { Config } from "../config.js";
import { preloadTokenChecks } from "../auth/verify-token.js";
import { createLazyLoader, createWarmUp } from "../lazy-loader.js";
import { authConfigHandlers } from "./auth-config.js";
import { healthHandlers } from "./health.js";
import type { RouteDef, RouteHandler, RouteSpec } from "./pipeline.js";
import { staticHandlers } from "./static-files.js";

type Handlers<K extends string> = Record<K, RouteHandler>;
type Specs<K extends string> = ReadonlyArray<RouteSpec & { name: NoInfer<K> }>;

type ApiHandlers = (typeof import("./handlers.js"))["apiHandlers"];
const handlerModule = createLazyLoader(() => import("./handlers.js"));
const warmUp = createWarmUp([handlerModule.load, preloadTokenChecks]);

/** Routes that load nothing (health, the tab's files); once one has answered, the handlers and the token
 * checks load in the background. */
function eagerRoutes<K extends string>(handlers: Handlers<K>, specs: Specs<K>): RouteDef[] {
  return specs.map((spec) => ({
    ...spec,
    handle: async (ctx) => {
      try {
        return await handlers[spec.name](ctx);
      } finally {
        warmUp();
      }
    },
  }));
}

/** Routes whose handlers load with the first API request that needs any of them; a failed import is retried. */
function lazyRoutes(specs: Specs<keyof ApiHandlers>): RouteDef[] {
  return specs.map((spec) => ({ ...spec, handle: async (ctx) => (await handlerModule.load()).apiHandlers[spec.name](ctx) }));
}

const API_ROUTES: RouteDef[] = [
  ...eagerRoutes(healthHandlers, [{ name: "health", methods: ["GET"], route: "api/health", auth: "none" }]),
  ...eagerRoutes(authConfigHandlers, [{ name: "auth-config", methods: ["GET"], route: "api/auth/config", auth: "none" }]),
  ...lazyRoutes([
    { name: "dev-users", methods: ["GET"], route: "api/dev/users", auth: "none", isDevOnly: true },
    { name: "dev-token", methods: ["POST"], route: "api/dev/token", auth: "none", isDevOnly: true },
    { name: "me", methods: ["GET"], route: "api/me", auth: "user" },
    { name: "cycles-list", methods: ["GET"], route: "api/cycles", auth: "user" },
    { name: "cycles-create", methods: ["POST"], route: "api/cycles", auth: "user" },
    { name: "goals-list", methods: ["GET"], route: "api/goals", auth: "user" },
    { name: "goals-create", methods: ["POST"], route: "api/goals", auth: "user" },
    { name: "goals-get", methods: ["GET"], route: "api/goals/{id}", auth: "user" },
    { name: "goals-update", methods: ["PATCH"], route: "api/goals/{id}", auth: "user" },
    { name: "goals-delete", methods: ["DELETE"], route: "api/goals/{id}", auth: "user" },
    { name: "goals-history", methods: ["GET"], route: "api/goals/{id}/history", auth: "user" },
    { name: "goals-submit", methods: ["POST"], route: "api/goals/{id}/submit", auth: "user" },
    { name: "goals-decision", methods: ["POST"], route: "api/goals/{id}/decision", auth: "user" },
    { name: "goals-close", methods: ["POST"], route: "api/goals/{id}/close", auth: "user" },
    { name: "goals-close-out", methods: ["POST"], route: "api/goals/{id}/close-out", auth: "user" },
    { name: "goals-close-out-comment", methods: ["POST"], route: "api/goals/{id}/close-out/comments", auth: "user" },
    { name: "goals-carry-over", methods: ["POST"], route: "api/goals/{id}/carry-over", auth: "user" },
    { name: "cycles-close-out", methods: ["GET"], route: "api/cycles/{id}/close-out", auth: "user" },
    { name: "cycles-report", methods: ["GET"], route: "api/cycles/{id}/report", auth: "user" },
    { name: "alignment-tree", methods: ["GET"], route: "api/alignment", auth: "user" },
    { name: "alignment-parent-options", methods: ["GET"], route: "api/alignment/parent-options", auth: "user" },
    { name: "bot-messages", methods: ["POST"], route: "api/messages", auth: "none", isRawBody: true },
    { name: "approvals-list", methods: ["GET"], route: "api/approvals", auth: "user" },
    { name: "card-actions", methods: ["POST"], route: "api/card-actions", auth: "user" },
    { name: "dev-inbox", methods: ["GET"], route: "api/dev/inbox", auth: "user", isDevOnly: true },
    { name: "checkins-create", methods: ["POST"], route: "api/goals/{id}/checkins", auth: "user" },
    { name: "checkins-list", methods: ["GET"], route: "api/goals/{id}/checkins", auth: "user" },
    { name: "kudos-list", methods: ["GET"], route: "api/goals/{id}/kudos", auth: "user" },
    { name: "kudos-create", methods: ["POST"], route: "api/goals/{id}/kudos", auth: "user" },
    { name: "comments-list", methods: ["GET"], route: "api/goals/{id}/comments", auth: "user" },
    { name: "comments-create", methods: ["POST"], route: "api/goals/{id}/comments", auth: "user" },
    { name: "dashboard", methods: ["GET"], route: "api/dashboard", auth: "user" },
    { name: "dashboard-pin", methods: ["POST"], route: "api/dashboard/pins", auth: "user" },
    { name: "export-goals-csv", methods: ["GET"], route: "api/export/goals.csv", auth: "user" },
    { name: "admin-reminders-get", methods: ["GET"], route: "api/admin/reminders", auth: "user" },
    { name: "admin-reminders-put", methods: ["PUT"], route: "api/admin/reminders", auth: "user" },
    { name: "me-time-zone", methods: ["PUT"], route: "api/me/time-zone", auth: "user" },
    { name: "dev-run-job", methods: ["POST"], route: "api/dev/jobs/{job}", auth: "user", isDevOnly: true },
    { name: "admin-settings-get", methods: ["GET"], route: "api/admin/settings", auth: "user" },
    { name: "admin-settings-put", methods: ["PUT"], route: "api/admin/settings", auth: "user" },
    { name: "admin-sync-status", methods: ["GET"], route: "api/admin/sync", auth: "user" },
    { name: "admin-sync-start", methods: ["POST"], route: "api/admin/sync", auth: "user" },
    { name: "admin-log", methods: ["GET"], route: "api/admin/log", auth: "user" },
    { name: "admin-cycle-close", methods: ["POST"], route: "api/admin/cycles/{id}/close", auth: "user" },
    { name: "admin-cycle-open-close-out", methods: ["POST"], route: "api/admin/cycles/{id}/close-out", auth: "user" },
    { name: "admin-people-search", methods: ["GET"], route: "api/admin/people", auth: "user" },
    { name: "admin-export", methods: ["GET"], route: "api/admin/export", auth: "user" },
    { name: "admin-erase-status", methods: ["GET"], route: "api/admin/erase", auth: "user" },
    { name: "admin-erase-start", methods: ["POST"], route: "api/admin/erase", auth: "user" },
    { name: "admin-imports-start", methods: ["POST"], route: "api/admin/imports", auth: "user", isFileBody: true },
    { name: "admin-imports-get", methods: ["GET"], route: "api/admin/imports/{id}", auth: "user" },
    { name: "people-get", methods: ["GET"], route: "api/people/{id}", auth: "user" },
    { name: "people-reports", methods: ["GET"], route: "api/people/{id}/reports", auth: "user" },
    { name: "org-cascade", methods: ["GET"], route: "api/org/{personId}/cascade", auth: "user" },
    { name: "org-search", methods: ["GET"], route: "api/org/{personId}/search", auth: "user" },
    { name: "goals-reassign", methods: ["POST"], route: "api/goals/{id}/reassign", auth: "user" },
    { name: "goals-close-for-leaver", methods: ["POST"], route: "api/goals/{id}/close-for-leaver", auth: "user" },
  ]),
];

/** The built tab, served for every path the API does not claim. */
const STATIC_ROUTES = eagerRoutes(staticHandlers, [{ name: "tab", methods: ["GET", "HEAD"], route: "{*path}", auth: "none" }]);

/** API routes for this configuration (dev-only routes exist only with AUTH_MODE=dev), then the tab. */
export function buildRouteTable(config: Pick<Config, "authMode">): RouteDef[] {
  const api = API_ROUTES.filter((r) => !r.isDevOnly || config.authMode === "dev");
  return [...api, ...STATIC_ROUTES];
}

/** Every API route, for the OpenAPI completeness check. */
export function listAllApiRoutes(): RouteDef[] {
  return API_ROUTES;
}
