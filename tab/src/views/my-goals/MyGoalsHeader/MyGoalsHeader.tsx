/** Title of the view, the cycle shown, and the button to start a new goal. */
import { Button, Text, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import type { CycleView, Me } from "../../../api/types.js";
import { CyclePicker } from "../../../components/CyclePicker/CyclePicker.js";
import { describeCycleDates } from "../../../logic/cycles.js";
import { useTranslator } from "../../../i18n/use-translator.js";

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", justifyContent: "space-between", gap: tokens.spacingHorizontalL },
  heading: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  title: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  controls: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
});

export interface MyGoalsHeaderProps {
  me: Me;
  cycles: readonly CycleView[];
  cycle: CycleView;
  canCreate: boolean;
  onSelectCycle: (cycleId: string) => void;
  onCreate: () => void;
}

export function MyGoalsHeader({ me, cycles, cycle, canCreate, onSelectCycle, onCreate }: MyGoalsHeaderProps) {
  const styles = useStyles();
  const tr = useTranslator();
  const { t } = tr;
  const dates = describeCycleDates(cycle, tr);
  return (
    <div className={styles.root}>
      <div className={styles.heading}>
        <Title2 as="h1" className={styles.title}>
          {t("view.myGoals")}
        </Title2>
        <Text className={styles.muted}>
          {me.manager ? t("myGoals.subtitleWithManager", { cycle: cycle.name, dates, manager: me.manager.displayName }) : t("myGoals.subtitle", { cycle: cycle.name, dates })}
        </Text>
      </div>
      <div className={styles.controls}>
        <CyclePicker cycles={cycles} selected={cycle} onSelect={onSelectCycle} />
        {canCreate && (
          <Button appearance="primary" icon={<AddRegular />} onClick={onCreate}>
            {t("goalEditor.newTitle")}
          </Button>
        )}
      </div>
    </div>
  );
}
