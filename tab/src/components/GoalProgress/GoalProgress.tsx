import { ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslator } from "../../i18n/use-translator.js";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
  bar: { flexGrow: 1 },
  value: { minWidth: "3.5em", textAlign: "end", fontVariantNumeric: "tabular-nums" },
});

export interface GoalProgressProps {
  /** 0 to 1. */
  value: number;
  label: string;
  size?: "small" | "medium";
}

export function GoalProgress({ value, label, size = "medium" }: GoalProgressProps) {
  const styles = useStyles();
  const { t, formatPercent } = useTranslator();
  const percent = formatPercent(value);
  const isDone = value >= 1;
  return (
    <div className={styles.root}>
      <ProgressBar
        className={styles.bar}
        value={Math.min(1, Math.max(0, value))}
        thickness={size === "small" ? "medium" : "large"}
        color={isDone ? "success" : "brand"}
        aria-label={t("progress.label", { label, percent })}
      />
      <Text size={size === "small" ? 200 : 300} weight={size === "small" ? "regular" : "semibold"} className={styles.value}>
        {percent}
      </Text>
    </div>
  );
}
