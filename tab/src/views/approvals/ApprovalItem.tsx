/** One goal waiting for the manager: who sent it and when, whether it is in their Teams chat too,
 * and the card itself, acted on right here. */
import { Badge, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { CardActionInput, CardActionResponse, PendingApproval } from "../../api/use-approvals.js";
import { AdaptiveCardView } from "./AdaptiveCardView.js";
import { GoalDetailsButton } from "../../components/GoalDetailsButton/GoalDetailsButton.js";
import { useTranslator } from "../../i18n/use-translator.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, maxWidth: "720px" },
  meta: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3 },
});

export interface ApprovalItemProps {
  item: PendingApproval;
  /** False once decided: the card then shows the outcome and where it was sent no longer matters. */
  isWaiting: boolean;
  onExecute: (item: PendingApproval, action: CardActionInput) => Promise<CardActionResponse>;
}

export function ApprovalItem({ item, isWaiting, onExecute }: ApprovalItemProps) {
  const styles = useStyles();
  const tr = useTranslator();
  const { t } = tr;
  const sent = tr.formatDateTime(item.submittedAt);
  return (
    <article className={styles.root} aria-label={t("approvals.item.label", { title: item.title, owner: item.ownerName })}>
      <div className={styles.meta}>
        <Text>
          {item.isReapproval ? t("approvals.item.changed", { owner: item.ownerName, sent }) : t("approvals.item.new", { owner: item.ownerName, sent })}
        </Text>
        {isWaiting && item.delivery === "sent" && (
          <Badge appearance="tint" color="informative">
            {t("approvals.item.inChat")}
          </Badge>
        )}
        {isWaiting && item.delivery === "waiting" && (
          <Badge appearance="tint" color="warning">
            {t("approvals.item.onlyHere")}
          </Badge>
        )}
        <GoalDetailsButton goalId={item.goalId} title={item.title} />
      </div>
      <AdaptiveCardView card={item.card} label={t("approvals.item.card", { title: item.title })} onExecute={(action) => onExecute(item, action)} />
    </article>
  );
}
