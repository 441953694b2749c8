/** One goal waiting for the manager: who sent it and when, whether it is in their Teams chat too,
 * and the card itself, acted on right here. */
import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { InfoRegular } from "@fluentui/react-icons";
import type { CardActionInput, CardActionResponse, PendingApproval } from "../../api/use-approvals.js";
import { formatDateTime } from "../../logic/format.js";
import { AdaptiveCardView } from "./AdaptiveCardView.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, maxWidth: "720px" },
  meta: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3 },
});

export interface ApprovalItemProps {
  item: PendingApproval;
  /** False once decided: the card then shows the outcome and where it was sent no longer matters. */
  isWaiting: boolean;
  onExecute: (item: PendingApproval, action: CardActionInput) => Promise<CardActionResponse>;
  onOpenGoal: (goalId: string) => void;
}

export function ApprovalItem({ item, isWaiting, onExecute, onOpenGoal }: ApprovalItemProps) {
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
        <Button size="small" appearance="subtle" icon={<InfoRegular />} aria-label={`Details of ${item.title}`} onClick={() => onOpenGoal(item.goalId)}>
          Details
        </Button>
      </div>
      <AdaptiveCardView card={item.card as unknown as Record<string, unknown>} label={`Approval card for ${item.title}`} onExecute={(action) => onExecute(item, action)} />
    </article>
  );
}
