/** The one route table: `app.http` registration and the local host both read it. */
import type { Config } from "../config.js";
import { alignmentRoutes } from "./alignment.js";
import { approvalRoutes } from "./approvals.js";
import { cycleRoutes } from "./cycles.js";
import { devRoutes } from "./dev.js";
import { goalActionRoutes } from "./goal-actions.js";
import { goalRoutes } from "./goals.js";
import { healthRoutes } from "./health.js";
import { inboxRoutes } from "./inbox.js";
import { meRoutes } from "./me.js";
import { messageRoutes } from "./messages.js";
import type { RouteDef } from "./pipeline.js";
import { staticRoutes } from "./static-files.js";

const API_ROUTES: RouteDef[] = [...healthRoutes, ...devRoutes, ...meRoutes, ...cycleRoutes, ...goalRoutes, ...goalActionRoutes, ...alignmentRoutes, ...messageRoutes, ...approvalRoutes, ...inboxRoutes];

/** API routes for this configuration (dev-only routes exist only with AUTH_MODE=dev), then the tab. */
export function buildRouteTable(config: Pick<Config, "authMode">): RouteDef[] {
  const api = API_ROUTES.filter((r) => !r.isDevOnly || config.authMode === "dev");
  return [...api, ...staticRoutes];
}

/** Every API route, for the OpenAPI completeness check. */
export function listAllApiRoutes(): RouteDef[] {
  return API_ROUTES;
}
