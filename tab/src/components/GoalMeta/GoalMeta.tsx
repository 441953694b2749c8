/** When a goal is due, what it is aligned to, and who can see it. */
import { Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { BranchForkRegular, CalendarRegular, GlobeRegular, LockClosedRegular } from "@fluentui/react-icons";
import type { GoalView } from "../../api/types.js";
import { describeDueDate } from "../../logic/format.js";
import type { AlignmentSummary } from "../../logic/parent-options.js";
import { useTranslator } from "../../i18n/use-translator.js";

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground3 },
  item: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface GoalMetaProps {
  goal: Pick<GoalView, "dueDate" | "visibility" | "isTopLevel">;
  alignment: AlignmentSummary;
  today: string;
}

export function GoalMeta({ goal, alignment, today }: GoalMetaProps) {
  const styles = useStyles();
  const tr = useTranslator();
  const { t } = tr;
  const due = goal.dueDate ? t("goal.due", { relative: describeDueDate(goal.dueDate, today, tr), date: tr.formatDay(goal.dueDate) }) : t("due.none");
  const aligned = alignment.isAligned && !goal.isTopLevel ? t("goal.alignedTo", { parent: alignment.label }) : alignment.label;
  const isPrivate = goal.visibility === "private";
  return (
    <div className={styles.root}>
      <Text size={200} className={styles.item}>
        <CalendarRegular aria-hidden /> {due}
      </Text>
      <Text size={200} className={mergeClasses(styles.item, !alignment.isAligned && styles.warning)}>
        <BranchForkRegular aria-hidden /> {aligned}
      </Text>
      <Text size={200} className={styles.item}>
        {isPrivate ? <LockClosedRegular aria-hidden /> : <GlobeRegular aria-hidden />}
        {isPrivate ? t("goal.visibility.private") : t("goal.visibility.public")}
      </Text>
    </div>
  );
}
