/** The top of a page: its title (the page's one level-1 heading), a line under it, and the page's
 * controls (cycle picker, buttons) at the end of the row, wrapping below on narrow screens. */
import { Text, Title2, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalL },
  // A word longer than a phone's line (a long name, a lengthened translation) breaks rather than run off the edge.
  heading: { display: "flex", flexDirection: "column", flexGrow: 1, gap: tokens.spacingVerticalXXS, minWidth: 0, overflowWrap: "anywhere" },
  title: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface PageHeaderProps {
  title: string;
  subtitle?: ReactNode;
  /** The page's controls, in reading order after the title. */
  children?: ReactNode;
}

export function PageHeader({ title, subtitle, children }: PageHeaderProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <div className={styles.heading}>
        <Title2 as="h1" className={styles.title}>
          {title}
        </Title2>
        {subtitle !== undefined && <Text className={styles.muted}>{subtitle}</Text>}
      </div>
      {children}
    </div>
  );
}
