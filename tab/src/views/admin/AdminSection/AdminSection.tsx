/** One titled block of the Admin view. */
import { Subtitle1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useId, type ReactNode } from "react";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  heading: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  title: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface AdminSectionProps {
  title: string;
  description: string;
  children: ReactNode;
}

export function AdminSection({ title, description, children }: AdminSectionProps) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <div className={styles.heading}>
        <Subtitle1 as="h2" id={headingId} className={styles.title}>
          {title}
        </Subtitle1>
        <Text className={styles.muted}>{description}</Text>
      </div>
      {children}
    </section>
  );
}
