/** A person's branch at a glance: coverage, rolled-up progress, and what needs attention. */
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { BranchFigures } from "../../../api/use-org-cascade.js";
import { GoalProgress } from "../../../components/GoalProgress/GoalProgress.js";
import { FlagBadges } from "../FlagBadges/FlagBadges.js";
import { describeCoverage, listBranchFlags } from "../org-tree.js";
import { useTranslator } from "../../../i18n/use-translator.js";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  progress: { width: "140px" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface BranchStatsProps {
  name: string;
  figures: BranchFigures;
}

export function BranchStats({ name, figures }: BranchStatsProps) {
  const styles = useStyles();
  const tr = useTranslator();
  const flags = listBranchFlags(figures, tr).map((flag) => ({ label: flag.label, tone: flag.tone, description: flag.description }));
  return (
    <span className={styles.root}>
      <Caption1 className={styles.muted} title={describeCoverage(figures, tr)}>
        {tr.t("branch.covered", { share: tr.formatPercent(figures.coverage) })}
      </Caption1>
      <span className={styles.progress}>
        <GoalProgress value={figures.progress} label={tr.t("branch.progress", { name })} size="small" />
      </span>
      <FlagBadges flags={flags} />
    </span>
  );
}
