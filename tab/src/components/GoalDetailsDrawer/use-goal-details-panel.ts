/** What the goal details panel needs to decide: the goal, its owner and their managers (names, and
 * who may read comments), how the caller stands to the goal, and which section is showing. */
import { useEffect, useMemo, useState } from "react";
import type { PersonSummary } from "../../api/types.js";
import { useGoal } from "../../api/use-goal-details.js";
import { useMe } from "../../api/use-me.js";
import { usePerson } from "../../api/use-people.js";
import { canReadComments } from "../../logic/goal-feedback.js";
import { describeGoalRelation, type GoalRelation, type GoalSection } from "../../logic/goal-link.js";
import { useTranslator } from "../../i18n/use-translator.js";

export interface SectionTab {
  id: GoalSection;
}

const ALL_SECTIONS: readonly SectionTab[] = [{ id: "check-ins" }, { id: "kudos" }, { id: "comments" }, { id: "history" }];

export function useGoalDetailsPanel(goalId: string, onRelationKnown: (relation: GoalRelation) => void) {
  const me = useMe();
  const { t } = useTranslator();
  const goal = useGoal(goalId);
  const ownerId = goal.data?.ownerId ?? null;
  const owner = usePerson(ownerId);
  const [chosen, setChosen] = useState<GoalSection>("check-ins");
  const meId = me.data?.id ?? null;
  const chainIds = useMemo(() => owner.data?.managerChain.map((person) => person.id) ?? [], [owner.data]);

  // Without the owner's profile (they left, or the directory failed) only the owner is sure of their rights.
  const isOwnerKnown = owner.data !== undefined || owner.error !== null;
  const relation: GoalRelation | null = meId && ownerId && isOwnerKnown ? describeGoalRelation(ownerId, meId, chainIds) : null;
  const canSeeComments = meId !== null && ownerId !== null && canReadComments(ownerId, meId, chainIds);

  useEffect(() => {
    if (relation) onRelationKnown(relation);
  }, [relation, onRelationKnown]);

  const known = useMemo(() => {
    const people: PersonSummary[] = [];
    if (me.data) people.push(me.data, ...(me.data.manager ? [me.data.manager] : []));
    if (owner.data) people.push(owner.data, ...owner.data.managerChain);
    return people;
  }, [me.data, owner.data]);

  const sections = ALL_SECTIONS.filter((section) => section.id !== "comments" || canSeeComments);
  const section = sections.some((candidate) => candidate.id === chosen) ? chosen : "check-ins";
  const ownerName = owner.data?.displayName ?? (ownerId !== null && ownerId === meId ? me.data?.displayName : undefined) ?? t("goalDetails.theOwner");

  return { me, goal, relation, known, sections, section, selectSection: setChosen, ownerName };
}
