/** The headline figures as a row of tiles; colour only repeats what the words say. */
import { Caption1, Card, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Tile, Tone } from "../dashboard-figures.js";
import { useTranslator } from "../../../i18n/use-translator.js";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(min(160px, 100%), 1fr))", gap: tokens.spacingHorizontalM },
  tile: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, padding: tokens.spacingHorizontalM },
  value: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  neutral: { color: tokens.colorNeutralForeground1 },
  good: { color: tokens.colorStatusSuccessForeground1 },
  warning: { color: tokens.colorStatusWarningForeground1 },
  danger: { color: tokens.colorStatusDangerForeground1 },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface FigureTilesProps {
  tiles: Tile[];
}

export function FigureTiles({ tiles }: FigureTilesProps) {
  const styles = useStyles();
  const { t } = useTranslator();
  const toneClass: Record<Tone, string> = { neutral: styles.neutral, good: styles.good, warning: styles.warning, danger: styles.danger };
  return (
    <div className={styles.grid} role="list" aria-label={t("team.figures")}>
      {tiles.map((tile) => (
        <Card key={tile.id} className={styles.tile} role="listitem" data-figure={tile.id}>
          <Text weight="semibold">{tile.label}</Text>
          <span className={mergeClasses(styles.value, toneClass[tile.tone])} data-value>
            {tile.value}
          </span>
          <Caption1 className={styles.hint}>{tile.hint}</Caption1>
        </Card>
      ))}
    </div>
  );
}
