/** The org chart below a person overlaid with goals, coverage, orphans, white space and risk, and the
 * search of people and goals in it. */
import { AppError } from "../domain/errors.js";
import { getOrgCascade } from "../domain/org-cascade.js";
import { searchOrg } from "../domain/org-search.js";
import { MAX_ORG_DEPTH } from "../domain/org-walk.js";
import { json, type RouteHandlers } from "./pipeline.js";
import { readPersonParam } from "./people.js";
import { parseOptionalId } from "./schemas.js";

function readDepth(query: URLSearchParams): number {
  const raw = query.get("depth") ?? "all";
  if (raw === "all") return MAX_ORG_DEPTH;
  const depth = Number(raw);
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_ORG_DEPTH) {
    throw new AppError("validation_failed", `depth must be "all" or a whole number from 1 to ${MAX_ORG_DEPTH}.`, { errors: [{ path: "depth", message: "Not a valid depth." }] });
  }
  return depth;
}

export const orgHandlers = {
  "org-cascade": async (ctx) => {
    const depth = readDepth(ctx.query);
    const personId = await readPersonParam(ctx, "personId");
    return json(200, await getOrgCascade(ctx.services.cascade, ctx.principal, personId, { cycleId: parseOptionalId(ctx.query, "cycle"), depth }));
  },
  "org-search": async (ctx) => {
    const personId = await readPersonParam(ctx, "personId");
    const query = { q: ctx.query.get("q") ?? "", cycleId: parseOptionalId(ctx.query, "cycle"), continuation: ctx.query.get("continuation") };
    return json(200, await searchOrg(ctx.services.cascade, ctx.principal, personId, query));
  },
} satisfies RouteHandlers;
