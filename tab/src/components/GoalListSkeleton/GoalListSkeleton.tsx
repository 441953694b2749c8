import { Skeleton, SkeletonItem, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslator } from "../../i18n/use-translator.js";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
  },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  title: { width: "55%" },
  meta: { width: "35%" },
});

export function GoalListSkeleton() {
  const styles = useStyles();
  const { t } = useTranslator();
  return (
    <div className={styles.list} role="status" aria-label={t("myGoals.loading")}>
      {[0, 1, 2].map((index) => (
        <Skeleton key={index} className={styles.card} aria-hidden>
          <SkeletonItem size={20} className={styles.title} />
          <SkeletonItem size={12} className={styles.meta} />
          <SkeletonItem size={8} />
        </Skeleton>
      ))}
    </div>
  );
}
