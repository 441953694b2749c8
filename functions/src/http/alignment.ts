/** The goal cascade: the tree of aligned goals, and the goals a person can align to. */
import { ALIGNMENT_PAGE, getAlignmentLevel } from "../domain/alignment-service.js";
import { parsePage } from "./checkins.js";
import { json, type RouteHandlers } from "./pipeline.js";
import { parseOptionalId } from "./schemas.js";

export const alignmentHandlers = {
  "alignment-tree": async ({ services, principal, query }) => {
    const page = parsePage(query, ALIGNMENT_PAGE.defaultLimit, ALIGNMENT_PAGE.maxLimit);
    return json(200, await getAlignmentLevel(services.cascade, principal, { cycleId: parseOptionalId(query, "cycle"), rootGoalId: parseOptionalId(query, "root"), ...page }));
  },
  "alignment-parent-options": async ({ services, principal, query }) => {
    const items = await services.goals.suggestParents(principal, parseOptionalId(query, "cycle") ?? undefined);
    return json(200, { items });
  },
} satisfies RouteHandlers;
