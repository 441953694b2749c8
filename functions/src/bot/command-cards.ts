/** What the bot answers to each typed command: the person's goals in the current cycle, the goals
 * waiting for their decision, or the help card. */
import {
  BOT_COMMANDS,
  buildHelpCard,
  buildMessageCard,
  buildMyGoalsCard,
  buildPendingApprovalsCard,
  formatCommand,
  type AdaptiveCard,
  type BotCommand,
  type CardIntl,
  type MyGoalsItem,
} from "../../../cards/src/index.js";
import type { Versioned } from "../domain/ports.js";
import { computeGoalProgress } from "../contracts/progress.js";
import type { Cycle, Goal, Principal } from "../domain/types.js";
import { listPendingApprovalSummaries } from "./approval-inbox.js";
import type { BotDeps } from "./bot-ports.js";
import { findCardIntl } from "./card-locale.js";
import { type TabLinkSettings, buildApprovalsUrl, buildGoalUrl, buildMyGoalsUrl } from "./tab-links.js";

/** The cycle the tab opens on: the one running today, else the latest open one, else the latest. */
export function pickCurrentCycle(cycles: readonly Cycle[], today: string): Cycle | null {
  const current = cycles.find((cycle) => cycle.startDate <= today && today <= cycle.endDate);
  if (current) return current;
  const byStartDesc = [...cycles].sort((a, b) => b.startDate.localeCompare(a.startDate));
  return byStartDesc.find((cycle) => cycle.status === "open") ?? byStartDesc[0] ?? null;
}

function toMyGoalsItem(links: TabLinkSettings, { value: goal }: Versioned<Goal>): MyGoalsItem {
  return {
    title: goal.title,
    status: goal.status,
    progress: computeGoalProgress(goal.keyResults),
    dueDate: goal.dueDate,
    confidence: goal.lastCheckIn?.confidence ?? null,
    goalUrl: buildGoalUrl(links, goal.id),
  };
}

/** Soonest due first; goals without a due date last. */
function compareByDueDate(a: Versioned<Goal>, b: Versioned<Goal>): number {
  return (a.value.dueDate ?? "9999").localeCompare(b.value.dueDate ?? "9999") || a.value.title.localeCompare(b.value.title);
}

async function buildMyGoalsReply(deps: BotDeps, viewer: Principal, intl: CardIntl): Promise<AdaptiveCard> {
  const { cycles, goals, clock } = deps.goalDeps;
  const goalsUrl = buildMyGoalsUrl(deps);
  const cycle = pickCurrentCycle(await cycles.listCycles(viewer.tenantId), clock.now().toISOString().slice(0, 10));
  if (!cycle) {
    const link = { title: intl.t("common.openCascade"), url: goalsUrl };
    return buildMessageCard({ tone: "info", title: intl.t("bot.noPeriodTitle"), text: intl.t("bot.noPeriodText"), link });
  }
  const mine = await goals.listGoalsByOwner(viewer.tenantId, viewer.userId, { cycleId: cycle.id });
  return buildMyGoalsCard({ cycleName: cycle.name, goals: mine.sort(compareByDueDate).map((goal) => toMyGoalsItem(deps, goal)), goalsUrl }, intl);
}

async function buildPendingApprovalsReply(deps: BotDeps, viewer: Principal, intl: CardIntl): Promise<AdaptiveCard> {
  const pending = await listPendingApprovalSummaries(deps, viewer);
  const items = pending.map((item) => ({
    goalId: item.goalId,
    goalTitle: item.title,
    ownerName: item.ownerName,
    submittedAt: item.submittedAt,
    isReapproval: item.isReapproval,
    goalUrl: buildApprovalsUrl(deps, item.goalId),
  }));
  return buildPendingApprovalsCard({ items, approvalsUrl: buildApprovalsUrl(deps) }, intl);
}

export async function buildCommandCard(deps: BotDeps, viewer: Principal, command: BotCommand): Promise<AdaptiveCard> {
  const intl = await findCardIntl(deps, viewer);
  if (command === BOT_COMMANDS.myGoals) return buildMyGoalsReply(deps, viewer, intl);
  if (command === BOT_COMMANDS.pendingApprovals) return buildPendingApprovalsReply(deps, viewer, intl);
  return buildHelpCard({ appUrl: buildMyGoalsUrl(deps) }, intl);
}

/** For someone Cascade cannot place in the organisation: a sender without a work account, from an
 * organisation this deployment does not serve, or not (yet) in the synced directory. */
export function buildUnknownPersonCard(intl: CardIntl): AdaptiveCard {
  return buildMessageCard({ tone: "info", title: intl.t("bot.unknownPersonTitle"), text: intl.t("bot.unknownPersonText") });
}

/** Where a private answer went instead of a team conversation, or how to get it. */
export function buildSentPrivatelyCard(links: TabLinkSettings, command: BotCommand, isSent: boolean, intl: CardIntl): AdaptiveCard {
  const what = command === BOT_COMMANDS.myGoals ? "myGoals" : "pendingApprovals";
  const url = command === BOT_COMMANDS.myGoals ? buildMyGoalsUrl(links) : buildApprovalsUrl(links);
  const text = isSent ? intl.t("bot.sentPrivately", { what }) : intl.t("bot.onlyPrivately", { what, command: formatCommand(intl, command) });
  return buildMessageCard({ tone: "info", text, link: { title: intl.t("bot.openInCascade"), url } });
}
