/** The goal cascade: the tree of aligned goals, and the goals a person can align to. */
import { getAlignmentTree } from "../domain/alignment-service.js";
import { suggestParentGoals } from "../domain/cascade.js";
import { json, type RouteDef } from "./pipeline.js";
import { parseId } from "./schemas.js";

const readOptionalId = (query: URLSearchParams, name: string) => (query.get(name) ? parseId(query.get(name)!, name) : null);

export const alignmentRoutes: RouteDef[] = [
  {
    name: "alignment-tree",
    methods: ["GET"],
    route: "api/alignment",
    auth: "user",
    handle: async ({ services, principal, query }) => {
      const tree = await getAlignmentTree(services.cascade, principal, { cycleId: readOptionalId(query, "cycle"), rootGoalId: readOptionalId(query, "root") });
      return json(200, tree);
    },
  },
  {
    name: "alignment-parent-options",
    methods: ["GET"],
    route: "api/alignment/parent-options",
    auth: "user",
    handle: async ({ services, principal, query }) => {
      const items = await suggestParentGoals(services.goalDeps, principal, readOptionalId(query, "cycle") ?? undefined);
      return json(200, { items });
    },
  },
];
