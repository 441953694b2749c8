/** The goal at the top of its details: whose it is, its state, how far along, and its results. */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import type { GoalView } from "../../api/types.js";
import { describeDueDate, toIsoDay } from "../../logic/format.js";
import { GoalProgress } from "../GoalProgress/GoalProgress.js";
import { KeyResultList } from "../KeyResultList/KeyResultList.js";
import { StatusBadge } from "../StatusBadge/StatusBadge.js";
import { useTranslator } from "../../i18n/use-translator.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  meta: { display: "flex", alignItems: "center", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  // Line breaks as written; a space where a line wraps takes its room rather than hanging past the edge.
  description: { color: tokens.colorNeutralForeground2, whiteSpace: "break-spaces", overflowWrap: "anywhere" },
});

export interface GoalDetailsSummaryProps {
  goal: GoalView;
  ownerName: string;
}

export function GoalDetailsSummary({ goal, ownerName }: GoalDetailsSummaryProps) {
  const styles = useStyles();
  const today = useMemo(() => toIsoDay(new Date()), []);
  const tr = useTranslator();
  const due = describeDueDate(goal.dueDate, today, tr);
  return (
    <section className={styles.root} aria-label={tr.t("goalDetails.about")}>
      <div className={styles.meta}>
        <StatusBadge status={goal.status} />
        <Text>{goal.visibility === "private" ? tr.t("goalDetails.metaPrivate", { owner: ownerName, due }) : tr.t("goalDetails.meta", { owner: ownerName, due })}</Text>
      </div>
      {goal.description && <Text className={styles.description}>{goal.description}</Text>}
      <GoalProgress value={goal.progress} label={tr.t("goal.progress.label", { title: goal.title })} />
      <KeyResultList keyResults={goal.keyResults} />
    </section>
  );
}
