/** Opens a goal in the details panel, from any list that names the goal. */
import { Button } from "@fluentui/react-components";
import { InfoRegular } from "@fluentui/react-icons";
import { useGoalDetails } from "../GoalDetailsHost/goal-details-context.js";

export interface GoalDetailsButtonProps {
  goalId: string;
  title: string;
}

export function GoalDetailsButton({ goalId, title }: GoalDetailsButtonProps) {
  const details = useGoalDetails();
  return (
    <Button size="small" appearance="subtle" icon={<InfoRegular />} aria-label={`Details of ${title}`} onClick={() => details.openGoal(goalId)}>
      Details
    </Button>
  );
}
