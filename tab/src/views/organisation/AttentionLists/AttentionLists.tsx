/** The goals a leader should look at: at risk, nothing aligned under them, aligned to nothing, and
 * those to re-align after a reorg. */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { GoalRef, OrgCascade } from "../../../api/use-org-cascade.js";
import { formatPercent } from "../../../logic/format.js";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  owner: { color: tokens.colorNeutralForeground3 },
});

const SECTIONS: Array<{ key: "atRisk" | "whiteSpace" | "orphans" | "needsRealignment"; title: string; empty: string }> = [
  { key: "atRisk", title: "At risk", empty: "No goal is at risk." },
  { key: "whiteSpace", title: "Nothing aligned to them yet", empty: "Every goal above has something aligned to it." },
  { key: "orphans", title: "Not aligned to anything", empty: "Every goal is aligned." },
  { key: "needsRealignment", title: "To re-align after a reorg", empty: "Nothing to re-align." },
];

function GoalRefList({ goals, empty }: { goals: GoalRef[]; empty: string }) {
  const styles = useStyles();
  if (goals.length === 0) return <Text>{empty}</Text>;
  return (
    <ul className={styles.list}>
      {goals.map((goal) => (
        <li key={goal.id}>
          <Text weight="semibold">{goal.title}</Text> <Text className={styles.owner}>{`· ${goal.ownerName} · ${formatPercent(goal.progress)} done`}</Text>
        </li>
      ))}
    </ul>
  );
}

export function AttentionLists({ cascade }: { cascade: OrgCascade }) {
  return (
    <Accordion multiple collapsible aria-label="Goals that need attention">
      {SECTIONS.map((section) => (
        <AccordionItem key={section.key} value={section.key}>
          <AccordionHeader>{`${section.title} (${cascade[section.key].length})`}</AccordionHeader>
          <AccordionPanel>
            <GoalRefList goals={cascade[section.key]} empty={section.empty} />
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
