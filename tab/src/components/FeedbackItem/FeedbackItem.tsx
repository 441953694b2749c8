/** One kudos or comment: who, when, and what they wrote. */
import { Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useFeedStyles } from "./FeedbackItem.styles.js";
import { useTranslator } from "../../i18n/use-translator.js";

const useStyles = makeStyles({
  edge: { borderLeftColor: tokens.colorBrandStroke2 },
  when: { color: tokens.colorNeutralForeground3 },
});

export interface FeedbackItemProps {
  author: ReactNode;
  at: string;
  text: string;
  icon?: ReactNode;
}

export function FeedbackItem({ author, at, text, icon }: FeedbackItemProps) {
  const styles = useStyles();
  const feed = useFeedStyles();
  const { formatDateTime } = useTranslator();
  return (
    <li className={mergeClasses(feed.item, styles.edge)}>
      <span className={feed.top}>
        {icon}
        <Text weight="semibold">{author}</Text>
        <Text size={200} className={styles.when}>
          <time dateTime={at}>{formatDateTime(at)}</time>
        </Text>
      </span>
      <Text className={feed.text}>{text}</Text>
    </li>
  );
}
