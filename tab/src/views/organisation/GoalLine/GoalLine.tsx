/** One goal in the cascade: title, status, rolled-up progress and what needs attention. */
import { Text, Tooltip, makeStyles, tokens } from "@fluentui/react-components";
import { LockClosedRegular } from "@fluentui/react-icons";
import type { ReactNode } from "react";
import type { GoalInsight } from "../../../api/use-org-cascade.js";
import { GoalProgress } from "../../../components/GoalProgress/GoalProgress.js";
import { StatusBadge } from "../../../components/StatusBadge/StatusBadge.js";
import { FlagBadges } from "../FlagBadges/FlagBadges.js";
import { describeGoalFlags } from "../org-tree.js";
import { useTranslator } from "../../../i18n/use-translator.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0, flexGrow: 1 },
  top: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  title: { overflowWrap: "anywhere" },
  progress: { maxWidth: "320px" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface GoalLineProps {
  goal: GoalInsight;
  isHighlighted?: boolean;
  actions?: ReactNode;
  /** False where the surrounding element already names the goal (a tree item), so it is not read twice. */
  isTitleAnnounced?: boolean;
}

export function GoalLine({ goal, isHighlighted = false, actions, isTitleAnnounced = true }: GoalLineProps) {
  const styles = useStyles();
  const tr = useTranslator();
  const { t } = tr;
  return (
    <div className={styles.root} data-goal-id={goal.id}>
      <div className={styles.top}>
        {goal.visibility === "private" && (
          <Tooltip content={t("goalLine.private")} relationship="label">
            <LockClosedRegular className={styles.muted} />
          </Tooltip>
        )}
        <Text weight={isHighlighted ? "bold" : "semibold"} className={styles.title} aria-hidden={isTitleAnnounced ? undefined : true}>
          {goal.isTopLevel ? t("goalLine.organisationGoal", { title: goal.title }) : goal.title}
        </Text>
        <StatusBadge status={goal.status} />
        <FlagBadges flags={describeGoalFlags(goal, tr)} />
        {actions}
      </div>
      <div className={styles.progress}>
        <GoalProgress value={goal.rolledUpProgress} label={t("goalLine.progress", { title: goal.title })} size="small" />
      </div>
    </div>
  );
}
