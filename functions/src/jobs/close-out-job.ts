/** When a cycle's close-out opens, each owner with goals to close out in it gets the close-out card,
 * once: when an admin opens it early (openCloseOutEarly) and, for cycles that simply
 * ended, from the hourly timer (runCloseOutJob). Each person's card is claimed before it is sent and
 * settled after, so a second run, a run beside it or a run after a crash sends nobody's card twice.
 * The cycle counts as announced once a run got through everyone without a failure. */
import { assertAdmin } from "../domain/admin.js";
import { recordAdminAction, type AdminLogDeps } from "../domain/admin-log.js";
import { describeError } from "../domain/logger.js";
import { selectCyclesToAnnounce } from "../domain/close-out.js";
import { runLimited } from "../domain/run-limited.js";
import type { Cycle, Person, Principal } from "../domain/types.js";
import { findCardIntl } from "../bot/card-locale.js";
import { buildOwnerCloseOutCard } from "../bot/close-out-cards.js";
import type { ProgressDeps } from "../bot/progress-ports.js";
import { collectPeople, createResult, type JobRunResult } from "./reminder-job.js";

const SEND_CONCURRENCY = 8;

async function sendToOwner(deps: ProgressDeps, tenantId: string, person: Person, cycle: Cycle, now: Date, result: JobRunResult): Promise<void> {
  result.considered++;
  let claim: string | null = null;
  try {
    // The person's language, as reminders pick it: the one they last used Cascade in, else the directory's.
    const intl = await findCardIntl(deps, { tenantId, userId: person.id });
    const card = await buildOwnerCloseOutCard(deps, { tenantId, id: person.id, name: person.displayName }, cycle, intl);
    if (!card) return void result.skipped++;
    claim = await deps.closeOutNotices.claimPerson(tenantId, cycle.id, person.id, now);
    // Sent already, or another run is sending it now.
    if (claim === null) return void result.skipped++;
    const isSent = await deps.sendCard(tenantId, person.id, card);
    // Unreachable: no chat with the app yet. The card then waits for the install Cascade makes for them
    // when the admin allows it, so it is settled too: a later run must not queue a second one.
    await deps.closeOutNotices.settlePerson(tenantId, cycle.id, person.id, isSent ? "sent" : "unreachable", now);
    if (isSent) result.sent++;
    else result.unreachable++;
  } catch (error) {
    result.failed++;
    deps.log("warn", "Could not send a close-out card", { tenantId, personId: person.id, error: describeError(error) });
    if (claim !== null) await deps.closeOutNotices.releasePerson(tenantId, cycle.id, person.id, claim).catch(() => undefined);
  }
}

export async function sendCloseOutCards(deps: ProgressDeps, tenantId: string, cycle: Cycle, now: Date, personIds?: string[]): Promise<JobRunResult> {
  const result = createResult(tenantId);
  const people = await collectPeople(deps, tenantId, personIds);
  await runLimited(people, SEND_CONCURRENCY, (person) => sendToOwner(deps, tenantId, person, cycle, now, result));
  return result;
}

/** Sends the cycle's close-out cards to the owners who have not had theirs, and records the cycle as
 * announced when nothing failed (a failure leaves it to the next run). */
export async function announceCloseOut(deps: ProgressDeps, tenantId: string, cycle: Cycle, now: Date): Promise<JobRunResult> {
  const result = await sendCloseOutCards(deps, tenantId, cycle, now);
  if (result.failed === 0) await deps.closeOutNotices.markAnnounced(tenantId, cycle.id, now);
  return result;
}

export interface EarlyCloseOutDeps {
  progress: ProgressDeps;
  adminLog: AdminLogDeps;
  /** Marks the cycle's close-out open now (the domain's openCycleCloseOut, bound to its stores). */
  openCycleCloseOut(tenantId: string, cycleId: string): Promise<Cycle>;
}

/** An admin opens a cycle's close-out before it ends: the cycle is marked, its owners get their cards
 * at once, and the admin log says how many were sent. */
export async function openCloseOutEarly(deps: EarlyCloseOutDeps, admin: Principal, cycleId: string): Promise<Cycle> {
  assertAdmin(admin, "open a cycle's close-out");
  const cycle = await deps.openCycleCloseOut(admin.tenantId, cycleId);
  const at = cycle.closeOutOpenedAt!;
  const sent = await announceCloseOut(deps.progress, admin.tenantId, cycle, new Date(at));
  await recordAdminAction(deps.adminLog, admin, "cycle_close_out_opened", { cycleId: cycle.id, cardsSent: sent.sent, unreachable: sent.unreachable, failed: sent.failed }, at);
  return cycle;
}

export interface CloseOutJobResult extends JobRunResult {
  cycleIds: string[];
}

/** The timer's run for one tenant: every cycle whose close-out opened lately and is not announced yet. */
export async function runCloseOutJob(deps: ProgressDeps, tenantId: string, now: Date): Promise<CloseOutJobResult> {
  const [cycles, announced] = await Promise.all([deps.cycles.listCycles(tenantId), deps.closeOutNotices.listAnnouncedCycles(tenantId)]);
  const due = selectCyclesToAnnounce(cycles, announced, now.toISOString().slice(0, 10));
  const total: CloseOutJobResult = { ...createResult(tenantId), cycleIds: due.map((c) => c.id) };
  for (const cycle of due) {
    const result = await announceCloseOut(deps, tenantId, cycle, now);
    for (const key of ["considered", "sent", "skipped", "unreachable", "failed"] as const) total[key] += result[key];
  }
  return total;
}
