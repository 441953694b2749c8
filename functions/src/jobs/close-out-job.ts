/** When a cycle's close-out opens, each owner with goals to close out in it gets the close-out card. */
import { describeError } from "../domain/logger.js";
import { mapLimited } from "../domain/team-goals.js";
import type { Cycle, Person } from "../domain/types.js";
import { findCardIntl } from "../bot/card-locale.js";
import { buildOwnerCloseOutCard } from "../bot/close-out-cards.js";
import type { ProgressDeps } from "../bot/progress-ports.js";
import { collectPeople, createResult, type JobRunResult } from "./reminder-job.js";

const SEND_CONCURRENCY = 8;

async function sendToOwner(deps: ProgressDeps, tenantId: string, person: Person, cycle: Cycle, result: JobRunResult): Promise<void> {
  result.considered++;
  try {
    const intl = await findCardIntl(deps, { tenantId, userId: person.id });
    const card = await buildOwnerCloseOutCard(deps, { tenantId, id: person.id, name: person.displayName }, cycle, intl);
    if (!card) return void result.skipped++;
    if (await deps.sendCard(tenantId, person.id, card)) result.sent++;
    else result.unreachable++;
  } catch (error) {
    result.failed++;
    deps.log("warn", "Could not send a close-out card", { tenantId, personId: person.id, error: describeError(error) });
  }
}

export async function sendCloseOutCards(deps: ProgressDeps, tenantId: string, cycle: Cycle, personIds?: string[]): Promise<JobRunResult> {
  const result = createResult(tenantId);
  const people = await collectPeople(deps, tenantId, personIds);
  await mapLimited(people, SEND_CONCURRENCY, (person) => sendToOwner(deps, tenantId, person, cycle, result));
  return result;
}
