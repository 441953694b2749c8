/** The measurable results of a goal, each with how far along it is. */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkCircleFilled, CircleRegular } from "@fluentui/react-icons";
import type { KeyResult } from "../../api/types.js";
import { computeKeyResultProgress } from "../../../../functions/src/contracts/progress.js";
import { describeKeyResult } from "../../logic/format.js";
import { GoalProgress } from "../GoalProgress/GoalProgress.js";
import { useTranslator } from "../../i18n/use-translator.js";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: {
    // The words take the line and the bar sits beside them; when the line is too narrow for both
    // (a phone, a narrow side panel), the bar moves under the words instead of squeezing them.
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  text: { display: "flex", flexDirection: "column", flex: "1 1 12rem", minWidth: 0, overflowWrap: "anywhere" },
  bar: { flex: "1 1 120px", maxWidth: "200px" },
  detail: { color: tokens.colorNeutralForeground3 },
  milestone: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS, marginInlineStart: "auto" },
  done: { color: tokens.colorPaletteGreenForeground1 },
});

export interface KeyResultListProps {
  keyResults: readonly KeyResult[];
}

export function KeyResultList({ keyResults }: KeyResultListProps) {
  const styles = useStyles();
  const tr = useTranslator();
  if (keyResults.length === 0) return null;
  return (
    <ul className={styles.list} aria-label={tr.t("keyResults.list")}>
      {keyResults.map((kr) => (
        <li key={kr.id} className={styles.item}>
          <span className={styles.text}>
            <Text size={300}>{kr.title}</Text>
            <Text size={200} className={styles.detail}>
              {describeKeyResult(kr, tr)}
            </Text>
          </span>
          {kr.kind !== "milestone" ? (
            <div className={styles.bar}>
              <GoalProgress value={computeKeyResultProgress(kr)} label={kr.title} size="small" />
            </div>
          ) : (
            <Text size={200} className={`${styles.milestone} ${kr.done ? styles.done : ""}`}>
              {kr.done ? <CheckmarkCircleFilled aria-hidden /> : <CircleRegular aria-hidden />}
              {kr.done ? tr.t("keyResults.done") : tr.t("keyResults.notDone")}
            </Text>
          )}
        </li>
      ))}
    </ul>
  );
}
