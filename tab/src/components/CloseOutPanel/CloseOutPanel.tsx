/** The close-out of the caller's goals in a cycle whose close-out is open. */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { CycleView, GoalView } from "../../api/types.js";
import { useTranslator } from "../../i18n/use-translator.js";
import { isClosable, listCarryTargets } from "../../logic/close-out.js";
import { CloseOutGoalForm } from "./CloseOutGoalForm.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export interface CloseOutPanelProps {
  cycle: CycleView;
  cycles: readonly CycleView[];
  goals: readonly GoalView[];
}

export function CloseOutPanel({ cycle, cycles, goals }: CloseOutPanelProps) {
  const styles = useStyles();
  const { t } = useTranslator();
  const headingId = useId();
  const closable = goals.filter(isClosable);
  const targets = listCarryTargets(cycles, cycle);
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Text as="h2" size={500} weight="semibold" id={headingId}>{t("closeOut.heading", { cycle: cycle.name })}</Text>
      <Text>{closable.length > 0 ? t("closeOut.intro") : t("closeOut.empty")}</Text>
      {closable.map((goal) => <CloseOutGoalForm key={goal.id} goal={goal} targets={targets} />)}
    </section>
  );
}
