/** One line of a goal's history: who did what, when, why, and what changed. */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { HistoryEntry } from "../../api/types.js";
import { describeAction, describeChanges, type KeyResultTitles } from "../../logic/history.js";
import { useTranslator } from "../../i18n/use-translator.js";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke2}`,
  },
  when: { color: tokens.colorNeutralForeground3 },
  comment: { fontStyle: "italic", color: tokens.colorNeutralForeground2 },
  changes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
});

export interface HistoryEntryItemProps {
  entry: HistoryEntry;
  actorName: string;
  keyResults: KeyResultTitles;
}

export function HistoryEntryItem({ entry, actorName, keyResults }: HistoryEntryItemProps) {
  const styles = useStyles();
  const tr = useTranslator();
  const { t } = tr;
  const changes = describeChanges(entry, tr, keyResults);
  return (
    <li className={styles.root}>
      <Text weight="semibold">
        {t("history.entry", { actor: actorName, action: describeAction(entry.action, tr) })}
      </Text>
      <Text size={200} className={styles.when}>
        {tr.formatDateTime(entry.at)}
      </Text>
      {entry.comment && <Text className={styles.comment}>{t("history.comment", { comment: entry.comment })}</Text>}
      {changes.length > 0 && (
        <ul className={styles.changes}>
          {changes.map((change) => (
            <li key={change.field}>
              <Text size={200}>
                {t("history.change", { ...change })}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
