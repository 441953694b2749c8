/** The figures of the whole view as a row of tiles. */
import { Caption1, Card, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { BranchFigures } from "../../../api/use-org-cascade.js";
import { describeCoverage } from "../org-tree.js";
import { useTranslator } from "../../../i18n/use-translator.js";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(min(150px, 100%), 1fr))", gap: tokens.spacingHorizontalM },
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
  const tr = useTranslator();
  const { t, formatPercent, formatNumber } = tr;
  const tiles = [
    { id: "people", title: t("summaryTile.people"), value: formatNumber(figures.people), hint: t("summaryTile.people.hint") },
    { id: "coverage", title: t("summaryTile.coverage"), value: formatPercent(figures.coverage), hint: describeCoverage(figures, tr) },
    { id: "progress", title: t("summaryTile.progress"), value: formatPercent(figures.progress), hint: t("dashboard.tile.progress.hint", { share: formatPercent(elapsedShare) }) },
    { id: "at-risk", title: t("summaryTile.atRisk"), value: formatNumber(figures.atRisk), hint: t("summaryTile.atRisk.hint") },
    { id: "white-space", title: t("summaryTile.whiteSpace"), value: formatNumber(figures.whiteSpace), hint: t("summaryTile.whiteSpace.hint") },
    { id: "orphans", title: t("summaryTile.orphans"), value: formatNumber(figures.orphans), hint: t("summaryTile.orphans.hint") },
    { id: "realign", title: t("summaryTile.realign"), value: formatNumber(figures.needsRealignment + figures.ownerLeft), hint: t("summaryTile.realign.hint") },
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
