/** The one route table: `app.http` registration and the local host both read it. */
import type { Config } from "../config.js";
import { adminCycleRoutes } from "./admin-cycles.js";
import { adminDataRoutes } from "./admin-data.js";
import { adminPeopleRoutes } from "./admin-people.js";
import { adminRoutes } from "./admin.js";
import { alignmentRoutes } from "./alignment.js";
import { approvalRoutes } from "./approvals.js";
import { checkInRoutes } from "./checkins.js";
import { cycleRoutes } from "./cycles.js";
import { dashboardRoutes } from "./dashboard.js";
import { devRoutes } from "./dev.js";
import { feedbackRoutes } from "./feedback.js";
import { goalActionRoutes } from "./goal-actions.js";
import { goalRoutes } from "./goals.js";
import { healthRoutes } from "./health.js";
import { leaverRoutes } from "./leavers.js";
import { inboxRoutes } from "./inbox.js";
import { meRoutes } from "./me.js";
import { messageRoutes } from "./messages.js";
import { orgRoutes } from "./org.js";
import { peopleRoutes } from "./people.js";
import type { RouteDef } from "./pipeline.js";
import { reminderRoutes } from "./reminders.js";
import { staticRoutes } from "./static-files.js";

const API_ROUTES: RouteDef[] = [...healthRoutes, ...devRoutes, ...meRoutes, ...cycleRoutes, ...goalRoutes, ...goalActionRoutes, ...alignmentRoutes, ...messageRoutes, ...approvalRoutes, ...inboxRoutes, ...checkInRoutes, ...feedbackRoutes, ...dashboardRoutes, ...reminderRoutes, ...adminRoutes, ...adminCycleRoutes, ...adminPeopleRoutes, ...adminDataRoutes, ...peopleRoutes, ...orgRoutes, ...leaverRoutes];

/** API routes for this configuration (dev-only routes exist only with AUTH_MODE=dev), then the tab. */
export function buildRouteTable(config: Pick<Config, "authMode">): RouteDef[] {
  const api = API_ROUTES.filter((r) => !r.isDevOnly || config.authMode === "dev");
  return [...api, ...staticRoutes];
}

/** Every API route, for the OpenAPI completeness check. */
export function listAllApiRoutes(): RouteDef[] {
  return API_ROUTES;
}
