/** End of a cycle: a goal's close-out and a manager's comment on it, carrying a goal into a later cycle,
 * the team's close-out state, the cycle report (JSON or CSV), and an admin opening close-out early. */
import { AppError } from "../domain/errors.js";
import { computeCycleReport, computeTeamCloseOut, toCycleReportCsv } from "../domain/close-out-report.js";
import type { Principal } from "../domain/types.js";
import { carryOverSchema, closeOutCommentSchema, closeOutSchema } from "../contracts/close-out.js";
import { toCycleView, todayOf } from "./cycles.js";
import { respondWithGoal } from "./goals.js";
import { json, type RouteContext, type RouteHandlers } from "./pipeline.js";
import { parseBody, parseId } from "./schemas.js";

function readManager(query: URLSearchParams, principal: Principal): string {
  const manager = query.get("manager");
  return !manager || manager === "me" ? principal.userId : parseId(manager, "manager");
}

/** CSV when asked for by `format=csv` or by an Accept header that prefers text/csv. */
function isCsvWanted(ctx: RouteContext): boolean {
  const format = ctx.query.get("format");
  if (format) return format === "csv";
  return /^\s*text\/csv\b/i.test(ctx.request.headers.get("accept") ?? "");
}

export const closeOutHandlers = {
  "goals-close-out": async (ctx) => {
    const id = parseId(ctx.params.id, "id");
    const body = parseBody(closeOutSchema, ctx.body);
    return respondWithGoal(ctx, await ctx.services.goals.closeOut(ctx.principal, id, body, ctx.request.headers.get("if-match")));
  },
  "goals-close-out-comment": async (ctx) => {
    const id = parseId(ctx.params.id, "id");
    const body = parseBody(closeOutCommentSchema, ctx.body);
    return respondWithGoal(ctx, await ctx.services.goals.commentOnCloseOut(ctx.principal, id, body.text), 201);
  },
  "goals-carry-over": async (ctx) => {
    const id = parseId(ctx.params.id, "id");
    const body = parseBody(carryOverSchema, ctx.body);
    const result = await ctx.services.goals.carryOver(ctx.principal, id, body.cycleId);
    return respondWithGoal(ctx, result.goal, result.isCreated ? 201 : 200);
  },
  "cycles-close-out": async (ctx) => {
    const team = await ctx.services.goals.closeOutTeam(ctx.principal, readManager(ctx.query, ctx.principal), parseId(ctx.params.id, "id"));
    return json(200, computeTeamCloseOut(team, todayOf(ctx)));
  },
  "cycles-report": async (ctx) => {
    const format = ctx.query.get("format");
    if (format && format !== "csv" && format !== "json") throw new AppError("validation_failed", 'format must be "json" or "csv".', { errors: [{ path: "format", message: 'Use "json" or "csv".' }] });
    const csv = isCsvWanted(ctx);
    const team = await ctx.services.goals.closeOutTeam(ctx.principal, readManager(ctx.query, ctx.principal), parseId(ctx.params.id, "id"));
    const report = computeCycleReport(team, todayOf(ctx));
    if (!csv) return json(200, report);
    return {
      status: 200,
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="close-out-${team.cycle.id}.csv"`, "cache-control": "no-store" },
      body: `\uFEFF${toCycleReportCsv(report, team.manager)}`,
    };
  },
  "admin-cycle-open-close-out": async (ctx) => {
    const { services, principal } = ctx;
    const { openCloseOutEarly } = await import("../jobs/close-out-job.js");
    const deps = { progress: services.progress, adminLog: services.admin.adminLog, openCycleCloseOut: services.goals.openCycleCloseOut };
    return json(200, toCycleView(await openCloseOutEarly(deps, principal, parseId(ctx.params.id, "id")), todayOf(ctx)));
  },
} satisfies RouteHandlers;
