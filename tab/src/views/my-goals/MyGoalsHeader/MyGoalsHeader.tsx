/** Title of the view, the cycle shown, and the button to start a new goal. */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import type { CycleView, Me } from "../../../api/types.js";
import { CyclePicker } from "../../../components/CyclePicker/CyclePicker.js";
import { PageHeader } from "../../../components/PageHeader/PageHeader.js";
import { describeCycleDates } from "../../../logic/cycles.js";
import { useTranslator } from "../../../i18n/use-translator.js";

const useStyles = makeStyles({
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
  const subtitle = me.manager ? t("myGoals.subtitleWithManager", { cycle: cycle.name, dates, manager: me.manager.displayName }) : t("myGoals.subtitle", { cycle: cycle.name, dates });
  return (
    <PageHeader title={t("view.myGoals")} subtitle={subtitle}>
      <div className={styles.controls}>
        <CyclePicker cycles={cycles} selected={cycle} onSelect={onSelectCycle} />
        {canCreate && (
          <Button appearance="primary" icon={<AddRegular />} onClick={onCreate}>
            {t("goalEditor.newTitle")}
          </Button>
        )}
      </div>
    </PageHeader>
  );
}
