/** Everything the Team view decides: which cycle, whose team (the caller's, or one opened below it),
 * and which goal of someone who left is being decided on. */
import { useMemo, useState } from "react";
import type { GoalInsight, OrgCascadeNode } from "../../api/use-org-cascade.js";
import { useOrgCascade } from "../../api/use-org-cascade.js";
import { useMe } from "../../api/use-me.js";
import { indexCascade } from "../organisation/org-tree.js";
import { usePickedCycle } from "../use-picked-cycle.js";
import { MY_TEAM, openTeam, type TeamCrumb } from "./team-logic.js";

export function useTeamPage() {
  const me = useMe();
  const { cycles, cycle, selectCycle } = usePickedCycle();
  const [path, setPath] = useState<TeamCrumb[]>([MY_TEAM]);
  const current = path[path.length - 1]!;
  const cascade = useOrgCascade(current.id, cycle?.id ?? null, 1);
  const tree = useMemo(() => (cascade.data ? indexCascade(cascade.data) : null), [cascade.data]);
  const reports = useMemo(() => (tree?.root ? (tree.childrenOf.get(tree.root.person.id) ?? []).map((id) => tree.byId.get(id)!) : []), [tree]);
  const [leaverGoal, setLeaverGoal] = useState<GoalInsight | null>(null);

  return {
    me,
    cycles,
    cycle,
    cascade,
    root: tree?.root ?? null,
    reports,
    path,
    leaverGoal,
    selectCycle,
    openTeam: (node: OrgCascadeNode) => setPath((crumbs) => openTeam(crumbs, { id: node.person.id, label: node.person.displayName })),
    goTo: (crumb: TeamCrumb) => setPath((crumbs) => openTeam(crumbs, crumb)),
    decideLeaverGoal: setLeaverGoal,
    closeLeaverDialog: () => setLeaverGoal(null),
  };
}
