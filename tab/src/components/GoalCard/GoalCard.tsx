/** One goal at a glance: what, how far, by when, aligned to what, and what to do next. */
import { Card, Subtitle1, Text } from "@fluentui/react-components";
import { WarningRegular } from "@fluentui/react-icons";
import type { GoalView } from "../../api/types.js";
import { canSubmitGoal } from "../../logic/goal-status.js";
import type { AlignmentSummary } from "../../logic/parent-options.js";
import { describeMissingCount } from "../../logic/smart-criteria.js";
import { GoalActions, type GoalActionsProps } from "../GoalActions/GoalActions.js";
import { GoalMeta } from "../GoalMeta/GoalMeta.js";
import { GoalProgress } from "../GoalProgress/GoalProgress.js";
import { KeyResultList } from "../KeyResultList/KeyResultList.js";
import { StatusBadge } from "../StatusBadge/StatusBadge.js";
import { useGoalCardStyles } from "./GoalCard.styles.js";

const FLAG_NOTES: Record<string, string> = {
  needs_realignment: "Your manager changed. Align this goal to one of your new manager's goals.",
  owner_left: "The owner has left the organisation.",
  cross_chain: "This goal aligns to a goal outside your management chain.",
};

export interface GoalCardProps extends Omit<GoalActionsProps, "goal"> {
  goal: GoalView;
  alignment: AlignmentSummary;
  today: string;
}

export function GoalCard({ goal, alignment, today, ...actions }: GoalCardProps) {
  const styles = useGoalCardStyles();
  const titleId = `goal-${goal.id}-title`;
  const notices = goal.flags.map((flag) => FLAG_NOTES[flag] ?? flag);
  if (canSubmitGoal(goal.status) && !goal.smart.ok) notices.unshift(describeMissingCount(goal.smart));
  return (
    <Card className={styles.card} aria-labelledby={titleId} role="article">
      <div className={styles.titleBlock}>
        <div className={styles.titleRow}>
          <Subtitle1 as="h2" id={titleId} className={styles.title}>
            {goal.title}
          </Subtitle1>
          <StatusBadge status={goal.status} />
        </div>
        {goal.description && <Text className={styles.description}>{goal.description}</Text>}
      </div>
      <GoalMeta goal={goal} alignment={alignment} today={today} />
      <GoalProgress value={goal.progress} label={`Progress of ${goal.title}`} />
      <KeyResultList keyResults={goal.keyResults} />
      {notices.map((notice) => (
        <Text key={notice} size={200} className={styles.notice}>
          <WarningRegular aria-hidden /> {notice}
        </Text>
      ))}
      <GoalActions goal={goal} {...actions} />
    </Card>
  );
}
