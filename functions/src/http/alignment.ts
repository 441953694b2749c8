/** Goals a person can align to: their management chain's goals, manager first, then up. */
import { suggestParentGoals } from "../domain/cascade.js";
import { json, type RouteDef } from "./pipeline.js";
import { parseId } from "./schemas.js";

export const alignmentRoutes: RouteDef[] = [
  {
    name: "alignment-parent-options",
    methods: ["GET"],
    route: "api/alignment/parent-options",
    auth: "user",
    handle: async ({ services, principal, query }) => {
      const cycleId = query.get("cycle") ? parseId(query.get("cycle")!, "cycle") : undefined;
      const items = await suggestParentGoals(services.goalDeps, principal, cycleId);
      return json(200, { items });
    },
  },
];
