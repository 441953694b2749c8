/** The first thing a person sees in a new cycle: what a goal is for, and one button to start. */
import { Button, Text, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular, TargetArrowRegular } from "@fluentui/react-icons";
import { useTranslator } from "../../i18n/use-translator.js";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    textAlign: "center",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusXLarge,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
  },
  icon: { fontSize: "48px", color: tokens.colorBrandForeground1 },
  text: { maxWidth: "52ch", textAlign: "center", color: tokens.colorNeutralForeground2 },
  heading: { margin: 0 },
});

export interface EmptyGoalsProps {
  cycleName: string;
  canCreate: boolean;
  onCreate: () => void;
}

export function EmptyGoals({ cycleName, canCreate, onCreate }: EmptyGoalsProps) {
  const styles = useStyles();
  const { t } = useTranslator();
  return (
    <section className={styles.root} aria-label={t("emptyGoals.label")}>
      <TargetArrowRegular className={styles.icon} aria-hidden />
      <Title3 as="h2" className={styles.heading}>
        {t("emptyGoals.heading", { cycle: cycleName })}
      </Title3>
      <Text className={styles.text}>
        {canCreate ? t("emptyGoals.intro") : t("emptyGoals.closed")}
      </Text>
      {canCreate && (
        <Button appearance="primary" icon={<AddRegular />} onClick={onCreate}>
          {t("emptyGoals.create")}
        </Button>
      )}
    </section>
  );
}
