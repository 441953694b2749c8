/** What the goal still needs before it can go to the manager, as a live checklist. */
import { Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { CheckmarkCircleFilled, CircleRegular } from "@fluentui/react-icons";
import { useId } from "react";
import type { SmartResult } from "../../api/types.js";
import { describeMissingCount, listSmartCriteria } from "../../logic/smart-criteria.js";
import { useTranslator } from "../../i18n/use-translator.js";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  met: { color: tokens.colorPaletteGreenForeground1 },
  unmet: { color: tokens.colorNeutralForeground3 },
  screenReaderOnly: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

export interface SmartChecklistProps {
  smart: SmartResult;
}

export function SmartChecklist({ smart }: SmartChecklistProps) {
  const styles = useStyles();
  const headingId = useId();
  const tr = useTranslator();
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Text id={headingId} weight="semibold" aria-live="polite">
        {describeMissingCount(smart, tr)}
      </Text>
      <ul className={styles.list}>
        {listSmartCriteria(smart, tr).map((criterion) => (
          <li key={criterion.code} className={styles.item}>
            {criterion.isMet ? (
              <CheckmarkCircleFilled className={styles.met} aria-hidden />
            ) : (
              <CircleRegular className={styles.unmet} aria-hidden />
            )}
            <Text size={200} className={mergeClasses(!criterion.isMet && styles.unmet)}>
              {criterion.label}
              <span className={styles.screenReaderOnly}>{" "}{criterion.isMet ? tr.t("smart.done") : tr.t("smart.missing")}</span>
            </Text>
          </li>
        ))}
      </ul>
    </section>
  );
}
