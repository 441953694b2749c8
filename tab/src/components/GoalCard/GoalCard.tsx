/** One goal at a glance: what, how far, by when, aligned to what, and what to do next. */
import { Card, Subtitle1, Text } from "@fluentui/react-components";
import { WarningRegular } from "@fluentui/react-icons";
import type { GoalView } from "../../api/types.js";
import { canSubmitGoal } from "../../logic/goal-status.js";
import type { AlignmentSummary } from "../../logic/parent-options.js";
import { describeMissingCount } from "../../logic/smart-criteria.js";
import type { Translator } from "../../i18n/translator.js";
import { GoalActions, type GoalActionsProps } from "../GoalActions/GoalActions.js";
import { GoalMeta } from "../GoalMeta/GoalMeta.js";
import { GoalProgress } from "../GoalProgress/GoalProgress.js";
import { KeyResultList } from "../KeyResultList/KeyResultList.js";
import { StatusBadge } from "../StatusBadge/StatusBadge.js";
import { useGoalCardStyles } from "./GoalCard.styles.js";
import { useTranslator } from "../../i18n/use-translator.js";

const FLAGS = ["needs_realignment", "owner_left", "cross_chain"] as const;

function describeFlag(flag: string, tr: Translator): string {
  return (FLAGS as readonly string[]).includes(flag) ? tr.t(`goal.flag.${flag as (typeof FLAGS)[number]}`) : flag;
}

export interface GoalCardProps extends Omit<GoalActionsProps, "goal"> {
  goal: GoalView;
  alignment: AlignmentSummary;
  today: string;
}

export function GoalCard({ goal, alignment, today, ...actions }: GoalCardProps) {
  const styles = useGoalCardStyles();
  const tr = useTranslator();
  const titleId = `goal-${goal.id}-title`;
  const notices = goal.flags.map((flag) => describeFlag(flag, tr));
  if (canSubmitGoal(goal.status) && !goal.smart.ok) notices.unshift(describeMissingCount(goal.smart, tr));
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
      <GoalProgress value={goal.progress} label={tr.t("goal.progress.label", { title: goal.title })} />
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
