/** What the owner can do with a goal in its current state. */
import { Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { DeleteRegular, EditRegular, InfoRegular, SendRegular } from "@fluentui/react-icons";
import type { GoalView } from "../../api/types.js";
import { canDeleteGoal, canEditGoal, canSubmitGoal } from "../../logic/goal-status.js";
import { useTranslator } from "../../i18n/use-translator.js";

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, paddingTop: tokens.spacingVerticalXS },
});

export interface GoalActionsProps {
  goal: Pick<GoalView, "title" | "status" | "smart">;
  isSubmitting: boolean;
  onEdit: () => void;
  onSubmit: () => void;
  /** Check-ins, kudos, comments and history. */
  onShowDetails: () => void;
  onDelete: () => void;
}

export function GoalActions({ goal, isSubmitting, onEdit, onSubmit, onShowDetails, onDelete }: GoalActionsProps) {
  const styles = useStyles();
  const { t } = useTranslator();
  return (
    <div className={styles.root}>
      {canSubmitGoal(goal.status) && (
        <Button
          appearance="primary"
          icon={isSubmitting ? <Spinner size="tiny" /> : <SendRegular />}
          disabled={isSubmitting || !goal.smart.ok}
          onClick={onSubmit}
        >
          {t("goal.submit")}
        </Button>
      )}
      {canEditGoal(goal.status) && (
        <Button icon={<EditRegular />} onClick={onEdit} aria-label={t("goal.edit.label", { title: goal.title })}>
          {t("goal.edit")}
        </Button>
      )}
      <Button appearance="subtle" icon={<InfoRegular />} onClick={onShowDetails} aria-label={t("goal.details.label", { title: goal.title })}>
        {t("goal.details")}
      </Button>
      {canDeleteGoal(goal.status) && (
        <Button appearance="subtle" icon={<DeleteRegular />} onClick={onDelete} aria-label={t("goal.delete.label", { title: goal.title })}>
          {t("goal.delete")}
        </Button>
      )}
    </div>
  );
}
