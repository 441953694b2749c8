/** Opens a goal in the details panel, from any list that names the goal. */
import { Button } from "@fluentui/react-components";
import { InfoRegular } from "@fluentui/react-icons";
import { useGoalDetails } from "../GoalDetailsHost/goal-details-context.js";
import { useTranslator } from "../../i18n/use-translator.js";

export interface GoalDetailsButtonProps {
  goalId: string;
  title: string;
}

export function GoalDetailsButton({ goalId, title }: GoalDetailsButtonProps) {
  const details = useGoalDetails();
  const { t } = useTranslator();
  return (
    <Button size="small" appearance="subtle" icon={<InfoRegular />} aria-label={t("goal.details.label", { title })} onClick={() => details.openGoal(goalId)}>
      {t("goal.details")}
    </Button>
  );
}
