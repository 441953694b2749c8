/** One goal waiting for the manager: who sent it and when, whether it is in their Teams chat too,
 * and the card itself, acted on right here. */
import { Badge, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { CardActionInput, CardActionResponse, PendingApproval } from "../../api/use-approvals.js";
import { formatDateTime } from "../../logic/format.js";
import { AdaptiveCardView } from "./AdaptiveCardView.js";
import { GoalDetailsButton } from "../../components/GoalDetailsButton/GoalDetailsButton.js";

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
  const kind = item.isReapproval ? "Changed since you approved it" : "New goal";
  return (
    <article className={styles.root} aria-label={`${item.title}, from ${item.ownerName}`}>
      <div className={styles.meta}>
        <Text>
          {kind} from {item.ownerName} · sent {formatDateTime(item.submittedAt)}
        </Text>
        {isWaiting && item.delivery === "sent" && (
          <Badge appearance="tint" color="informative">
            Also in your Teams chat
          </Badge>
        )}
        {isWaiting && item.delivery === "waiting" && (
          <Badge appearance="tint" color="warning">
            Only here until you add Cascade to Teams chat
          </Badge>
        )}
        <GoalDetailsButton goalId={item.goalId} title={item.title} />
      </div>
      <AdaptiveCardView card={item.card as unknown as Record<string, unknown>} label={`Approval card for ${item.title}`} onExecute={(action) => onExecute(item, action)} />
    </article>
  );
}
