/** At-a-glance figures for a manager's subtree, and the CSV export of the same subtree. */
import { pinDashboardSchema } from "../contracts/views.js";
import { pinChannelDashboard } from "../domain/channel-dashboards.js";
import { getDashboard } from "../domain/dashboard-service.js";
import { exportTeamGoalsCsv } from "../domain/export.js";
import type { Principal } from "../domain/types.js";
import { json, type RouteHandlers } from "./pipeline.js";
import { parseBody, parseId, parseOptionalId } from "./schemas.js";

function readTeamQuery(query: URLSearchParams, principal: Principal): { managerId: string; cycleId: string | null } {
  const manager = query.get("manager");
  return {
    managerId: !manager || manager === "me" ? principal.userId : parseId(manager, "manager"),
    cycleId: parseOptionalId(query, "cycle"),
  };
}

export const dashboardHandlers = {
  dashboard: async ({ services, principal, query }) => {
    const { managerId, cycleId } = readTeamQuery(query, principal);
    return json(200, await getDashboard(services.progress, principal, managerId, cycleId, parseOptionalId(query, "team")));
  },
  "dashboard-pin": async ({ services, principal, body }) => {
    const { teamId } = parseBody(pinDashboardSchema, body);
    return json(200, await pinChannelDashboard(services.progress.channels, principal, teamId, new Date()));
  },
  "export-goals-csv": async ({ services, principal, query }) => {
    const { managerId, cycleId } = readTeamQuery(query, principal);
    const result = await exportTeamGoalsCsv(services.progress, principal, managerId, cycleId);
    return {
      status: 200,
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="goals-${result.cycleId}.csv"`,
        "cache-control": "no-store",
      },
      body: `\uFEFF${result.csv}`,
    };
  },
} satisfies RouteHandlers;
