/** The figures of the whole view as a row of tiles. */
import { Caption1, Card, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { BranchFigures } from "../../../api/use-org-cascade.js";
import { formatPercent } from "../../../logic/format.js";
import { describeCoverage } from "../org-tree.js";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(150px, 1fr))", gap: tokens.spacingHorizontalM },
  tile: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, padding: tokens.spacingHorizontalM },
  value: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface CascadeSummaryProps {
  figures: BranchFigures;
  elapsedShare: number;
  label: string;
}

export function CascadeSummary({ figures, elapsedShare, label }: CascadeSummaryProps) {
  const styles = useStyles();
  const tiles = [
    { id: "people", title: "People", value: String(figures.people), hint: "All levels" },
    { id: "coverage", title: "Coverage", value: formatPercent(figures.coverage), hint: describeCoverage(figures) },
    { id: "progress", title: "Progress", value: formatPercent(figures.progress), hint: `${formatPercent(elapsedShare)} of the cycle gone` },
    { id: "at-risk", title: "At risk", value: String(figures.atRisk), hint: "Behind, or flagged by the owner" },
    { id: "white-space", title: "Nothing aligned", value: String(figures.whiteSpace), hint: "Goals with no goal under them" },
    { id: "orphans", title: "Not aligned", value: String(figures.orphans), hint: "Goals aligned to nothing" },
    { id: "realign", title: "To re-align", value: String(figures.needsRealignment + figures.ownerLeft), hint: "After a reorg or a leaver" },
  ];
  return (
    <div className={styles.grid} role="list" aria-label={label}>
      {tiles.map((tile) => (
        <Card key={tile.id} className={styles.tile} role="listitem" data-figure={tile.id}>
          <Text weight="semibold">{tile.title}</Text>
          <span className={styles.value}>{tile.value}</span>
          <Caption1 className={styles.hint}>{tile.hint}</Caption1>
        </Card>
      ))}
    </div>
  );
}
