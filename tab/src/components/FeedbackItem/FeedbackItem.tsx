/** One kudos or comment: who, when, and what they wrote. */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { formatDateTime } from "../../logic/format.js";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke2}`,
  },
  top: { display: "flex", alignItems: "center", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  when: { color: tokens.colorNeutralForeground3 },
  text: { whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
});

export interface FeedbackItemProps {
  author: ReactNode;
  at: string;
  text: string;
  icon?: ReactNode;
}

export function FeedbackItem({ author, at, text, icon }: FeedbackItemProps) {
  const styles = useStyles();
  return (
    <li className={styles.root}>
      <span className={styles.top}>
        {icon}
        <Text weight="semibold">{author}</Text>
        <Text size={200} className={styles.when}>
          <time dateTime={at}>{formatDateTime(at)}</time>
        </Text>
      </span>
      <Text className={styles.text}>{text}</Text>
    </li>
  );
}
