/** The goals a leader should look at: at risk, nothing aligned under them, aligned to nothing, and
 * those to re-align after a reorg. */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { GoalRef, OrgCascade } from "../../../api/use-org-cascade.js";
import { useTranslator } from "../../../i18n/use-translator.js";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  owner: { color: tokens.colorNeutralForeground3 },
});

const SECTIONS = ["atRisk", "whiteSpace", "orphans", "needsRealignment"] as const;

function GoalRefList({ goals, empty }: { goals: GoalRef[]; empty: string }) {
  const styles = useStyles();
  const { t, formatPercent } = useTranslator();
  if (goals.length === 0) return <Text>{empty}</Text>;
  return (
    <ul className={styles.list}>
      {goals.map((goal) => (
        <li key={goal.id}>
          <Text weight="semibold">{goal.title}</Text> <Text className={styles.owner}>{t("attention.goalOwner", { owner: goal.ownerName, progress: formatPercent(goal.progress) })}</Text>
        </li>
      ))}
    </ul>
  );
}

export function AttentionLists({ cascade }: { cascade: OrgCascade }) {
  const { t } = useTranslator();
  return (
    <Accordion multiple collapsible aria-label={t("attention.label")}>
      {SECTIONS.map((section) => (
        <AccordionItem key={section} value={section}>
          <AccordionHeader>{t(`attention.${section}`, { count: cascade[section].length })}</AccordionHeader>
          <AccordionPanel>
            <GoalRefList goals={cascade[section]} empty={t(`attention.${section}.empty`)} />
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
