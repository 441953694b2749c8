/** The cycle's goals as cards, those that need the owner first, under a summary. */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import type { GoalView, ParentOption } from "../../../api/types.js";
import { GoalCard } from "../../../components/GoalCard/GoalCard.js";
import { GoalSummaryBar } from "../../../components/GoalSummaryBar/GoalSummaryBar.js";
import { toIsoDay } from "../../../logic/format.js";
import { sortGoalsForOwner } from "../../../logic/goal-summary.js";
import { describeAlignment } from "../../../logic/parent-options.js";
import { useTranslator } from "../../../i18n/use-translator.js";

const useStyles = makeStyles({
  list: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 460px), 1fr))", gap: tokens.spacingVerticalM },
});

export interface GoalListProps {
  label: string;
  goals: readonly GoalView[];
  parentOptions: readonly ParentOption[];
  isRefreshing: boolean;
  submittingId: string | null;
  onEdit: (goal: GoalView) => void;
  onSubmit: (goal: GoalView) => void;
  onShowDetails: (goal: GoalView) => void;
  onDelete: (goal: GoalView) => void;
}

export function GoalList({ label, goals, parentOptions, isRefreshing, submittingId, ...handlers }: GoalListProps) {
  const styles = useStyles();
  const today = useMemo(() => toIsoDay(new Date()), []);
  const tr = useTranslator();
  const sortedGoals = useMemo(() => sortGoalsForOwner(goals), [goals]);
  return (
    <>
      <GoalSummaryBar goals={goals} isRefreshing={isRefreshing} />
      <section className={styles.list} aria-label={label}>
        {sortedGoals.map((goal) => (
          <GoalCard
            key={goal.id}
            goal={goal}
            alignment={describeAlignment(goal, parentOptions, tr)}
            today={today}
            isSubmitting={submittingId === goal.id}
            onEdit={() => handlers.onEdit(goal)}
            onSubmit={() => handlers.onSubmit(goal)}
            onShowDetails={() => handlers.onShowDetails(goal)}
            onDelete={() => handlers.onDelete(goal)}
          />
        ))}
      </section>
    </>
  );
}
