/** Org chart reads: a person's profile, and their reports (direct, or everyone below with depth=all, a
 * page at a time: `limit` people, `cursor` from the page before). */
import { AppError } from "../domain/errors.js";
import { getPersonProfile, listReports, resolvePersonId, REPORTS_CURSOR_MAX_CHARS, REPORTS_PAGE_DEFAULT, REPORTS_PAGE_MAX } from "../domain/people.js";
import { parsePage } from "./checkins.js";
import { json, type RouteContext, type RouteHandlers } from "./pipeline.js";
import { parseId } from "./schemas.js";

/** A person id, or "me" (the caller), or "top" (the top of the caller's chain). */
export async function readPersonParam(ctx: RouteContext, name: string): Promise<string> {
  return resolvePersonId(ctx.services.directory, ctx.principal, parseId(ctx.params[name], name));
}

function readDepth(query: URLSearchParams): boolean {
  const depth = query.get("depth") ?? "1";
  if (depth !== "1" && depth !== "all") throw new AppError("validation_failed", 'depth must be "1" or "all".', { errors: [{ path: "depth", message: 'Use "1" or "all".' }] });
  return depth === "all";
}

export const peopleHandlers = {
  "people-get": async (ctx) => json(200, await getPersonProfile(ctx.services.directory, ctx.principal, await readPersonParam(ctx, "id"))),
  "people-reports": async (ctx) => {
    const isWholeSubtree = readDepth(ctx.query);
    const page = parsePage(ctx.query, REPORTS_PAGE_DEFAULT, REPORTS_PAGE_MAX, REPORTS_CURSOR_MAX_CHARS);
    if (!isWholeSubtree && page.cursor) throw new AppError("validation_failed", "Direct reports come in one answer; a cursor pages depth=all only.", { errors: [{ path: "cursor", message: "Only with depth=all." }] });
    return json(200, await listReports(ctx.services.directory, ctx.principal, await readPersonParam(ctx, "id"), { isWholeSubtree, ...page }));
  },
} satisfies RouteHandlers;
