/** The goal cascade: the tree of aligned goals, and the goals a person can align to. */
import { getAlignmentTree } from "../domain/alignment-service.js";
import { json, type RouteHandlers } from "./pipeline.js";
import { parseOptionalId } from "./schemas.js";

export const alignmentHandlers = {
  "alignment-tree": async ({ services, principal, query }) => {
    const tree = await getAlignmentTree(services.cascade, principal, { cycleId: parseOptionalId(query, "cycle"), rootGoalId: parseOptionalId(query, "root") });
    return json(200, tree);
  },
  "alignment-parent-options": async ({ services, principal, query }) => {
    const items = await services.goals.suggestParents(principal, parseOptionalId(query, "cycle") ?? undefined);
    return json(200, { items });
  },
} satisfies RouteHandlers;
