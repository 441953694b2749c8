/** Recognition by chat: a completed goal invites the owner's manager to send kudos, and kudos reach
 * the person they are for. Delivery failures are logged; they never undo what was recorded. */
import { buildKudosCard, buildKudosInviteCard, type CardIntl } from "../../../cards/src/index.js";
import { findCardIntl } from "./card-locale.js";
import type { Kudos } from "../contracts/feedback.js";
import { isGoalCompletedEvent, type GoalEvent } from "../domain/goal-context.js";
import type { Goal } from "../domain/types.js";
import { buildGoalUrl } from "./tab-links.js";
import { describeError } from "../domain/logger.js";
import type { ProgressDeps } from "./progress-ports.js";

async function nameOf(deps: ProgressDeps, tenantId: string, personId: string, intl: CardIntl): Promise<string> {
  return (await deps.directory.getPerson(tenantId, personId))?.displayName ?? intl.t("common.aColleague");
}

async function deliver(deps: ProgressDeps, tenantId: string, personId: string, card: Parameters<ProgressDeps["sendCard"]>[2], what: string): Promise<void> {
  try {
    const isSent = await deps.sendCard(tenantId, personId, card);
    if (!isSent) deps.log("info", `No chat with the person yet; the ${what} card was not sent`, { personId });
  } catch (error) {
    deps.log("warn", `Could not send the ${what} card`, { personId, error: describeError(error) });
  }
}

export async function inviteKudosOnCompletion(deps: ProgressDeps, tenantId: string, event: GoalEvent): Promise<void> {
  if (!isGoalCompletedEvent(event)) return;
  const owner = await deps.directory.getPerson(tenantId, event.goal.ownerId);
  if (!owner?.managerId) return;
  const intl = await findCardIntl(deps, { tenantId, userId: owner.managerId });
  const card = buildKudosInviteCard({
    goalId: event.goal.id,
    version: event.etag,
    goalTitle: event.goal.title,
    ownerName: owner.displayName,
    goalUrl: buildGoalUrl(deps, event.goal.id),
  }, intl);
  await deliver(deps, tenantId, owner.managerId, card, "kudos invitation");
}

export async function notifyKudos(deps: ProgressDeps, tenantId: string, kudos: Kudos, goal: Goal): Promise<void> {
  const intl = await findCardIntl(deps, { tenantId, userId: kudos.toId });
  const fromName = await nameOf(deps, tenantId, kudos.fromId, intl);
  const card = buildKudosCard({ fromName, goalTitle: goal.title, message: kudos.message, goalUrl: buildGoalUrl(deps, goal.id) }, intl);
  await deliver(deps, tenantId, kudos.toId, card, "kudos");
}
