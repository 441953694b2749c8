/** The Approvals inbox: every goal waiting for the signed-in manager's decision, with the same card
 * Teams chat shows. Deciding here runs the same handler as the card in Teams. */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useState } from "react";
import { VERBS } from "../../../../cards/src/verbs.js";
import { useAnnounce } from "../../components/Announcer/announcer-context.js";
import { ErrorNotice } from "../../components/ErrorNotice/ErrorNotice.js";
import { GoalListSkeleton } from "../../components/GoalListSkeleton/GoalListSkeleton.js";
import { InfoNotice } from "../../components/InfoNotice/InfoNotice.js";
import { PageHeader } from "../../components/PageHeader/PageHeader.js";
import { useApprovals, useCardActions, type CardActionInput, type CardActionResponse, type PendingApproval } from "../../api/use-approvals.js";
import { describeError } from "../../i18n/describe-error.js";
import { ApprovalItem } from "./ApprovalItem.js";
import { useTranslator } from "../../i18n/use-translator.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXL },
});

/** What a decision made here is called when it is announced. */
const DECISION_ANNOUNCEMENTS = {
  [VERBS.approve]: "approvals.announce.approved",
  [VERBS.requestChanges]: "approvals.announce.changesRequested",
  [VERBS.reject]: "approvals.announce.rejected",
} as const;

/** The card that comes back still offers a decision when the server refused one (a missing comment). */
function isDecided(response: CardActionResponse): boolean {
  return response.statusCode === 200 && !JSON.stringify(response.value).includes(VERBS.approve);
}

/** Cards acted on stay in view with their outcome, even after the list no longer contains them. */
function mergeActedOn(pending: PendingApproval[], actedOn: PendingApproval[]): PendingApproval[] {
  const ids = new Set(pending.map((item) => item.goalId));
  return [...pending, ...actedOn.filter((item) => !ids.has(item.goalId))].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
}

export default function ApprovalsView() {
  const styles = useStyles();
  const approvals = useApprovals();
  const actions = useCardActions();
  const tr = useTranslator();
  const { t } = tr;
  const [actedOn, setActedOn] = useState<PendingApproval[]>([]);
  const { reload } = approvals;
  const announce = useAnnounce();

  const execute = useCallback(
    async (item: PendingApproval, action: CardActionInput) => {
      setActedOn((previous) => (previous.some((entry) => entry.goalId === item.goalId) ? previous : [...previous, item]));
      const response = await actions.execute(action);
      reload();
      const announcement = DECISION_ANNOUNCEMENTS[action.verb as keyof typeof DECISION_ANNOUNCEMENTS];
      if (announcement && isDecided(response)) announce(t(announcement, { title: item.title }));
      return response;
    },
    [actions, reload, announce, t],
  );

  if (approvals.error) return <ErrorNotice title={t("approvals.loadFailed")} detail={describeError(approvals.error, tr)} onRetry={reload} />;
  if (approvals.isLoading) return <GoalListSkeleton />;
  const items = mergeActedOn(approvals.data ?? [], actedOn);
  const waiting = approvals.data?.length ?? 0;
  const waitingIds = new Set((approvals.data ?? []).map((item) => item.goalId));
  return (
    <div className={styles.root}>
      <PageHeader title={t("view.approvals")} subtitle={t("approvals.waiting", { count: waiting })} />
      {items.length === 0 && <InfoNotice text={t("approvals.empty")} />}
      <div className={styles.list}>
        {items.map((item) => (
          <ApprovalItem key={item.goalId} item={item} isWaiting={waitingIds.has(item.goalId)} onExecute={execute} />
        ))}
      </div>
    </div>
  );
}
