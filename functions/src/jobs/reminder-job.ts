/** The check-in reminder run for one tenant: everyone whose reminder slot has come (in their own
 * time zone when known) gets a card listing active goals without a check-in since the last reminder. */
import { buildReminderCard } from "../../../cards/src/index.js";
import type { ReminderSettings } from "../contracts/admin.js";
import { isReminderDue, selectReminderGoals } from "../domain/reminders.js";
import { runLimited } from "../domain/run-limited.js";
import type { Person } from "../domain/types.js";
import { toCheckInGoalView } from "../bot/progress-cards.js";
import { describeError } from "../domain/logger.js";
import { buildMyGoalsUrl } from "../bot/tab-links.js";
import { findCardIntl } from "../bot/card-locale.js";
import type { ProgressDeps } from "../bot/progress-ports.js";

const SEND_CONCURRENCY = 8;

export interface JobRunOptions {
  /** Ignore the schedule (an admin's "send now", tests); the selection rules still apply. */
  isForced?: boolean;
  /** Only these people (tests, a retry for one person). */
  personIds?: string[];
}

export interface JobRunResult {
  tenantId: string;
  considered: number;
  sent: number;
  /** Nothing to remind them of, or they checked in recently. */
  skipped: number;
  /** Due, but they have no chat with the app yet. */
  unreachable: number;
  failed: number;
}

export async function collectPeople(deps: ProgressDeps, tenantId: string, personIds?: string[]): Promise<Person[]> {
  const wanted = personIds ? new Set(personIds) : null;
  const people: Person[] = [];
  for await (const person of deps.listPeople(tenantId)) {
    if (person.accountEnabled && (!wanted || wanted.has(person.id))) people.push(person);
  }
  return people;
}

export function createResult(tenantId: string): JobRunResult {
  return { tenantId, considered: 0, sent: 0, skipped: 0, unreachable: 0, failed: 0 };
}

async function remindPerson(deps: ProgressDeps, tenantId: string, person: Person, context: { now: Date; settings: ReminderSettings; lastReminderAt: string | null }, result: JobRunResult): Promise<void> {
  const { now, settings, lastReminderAt } = context;
  const goals = await deps.goals.listGoalsByOwner(tenantId, person.id, { status: "active" });
  const chosen = selectReminderGoals(goals.map((g) => ({ ...g.value, stored: g })), now, settings, lastReminderAt);
  // Recorded either way: the next reminder covers only what happens after this slot.
  await deps.reminders.updateState(tenantId, person.id, { lastReminderAt: now.toISOString() });
  if (chosen.length === 0) return void result.skipped++;
  const views = chosen.map((g) => toCheckInGoalView(deps, g.stored));
  const intl = await findCardIntl(deps, { tenantId, userId: person.id });
  const card = buildReminderCard({ personName: person.displayName, goals: views, goalsUrl: buildMyGoalsUrl(deps) }, intl);
  if (await deps.sendCard(tenantId, person.id, card)) result.sent++;
  else result.unreachable++;
}

export async function runReminderJob(deps: ProgressDeps, tenantId: string, now: Date, options: JobRunOptions = {}): Promise<JobRunResult> {
  const result = createResult(tenantId);
  const [settings, states, people] = await Promise.all([deps.reminders.getSettings(tenantId), deps.reminders.listStates(tenantId), collectPeople(deps, tenantId, options.personIds)]);
  const due = people.filter((p) => {
    const state = states.get(p.id);
    return options.isForced || isReminderDue(now, state?.timeZone ?? null, settings, state?.lastReminderAt ?? null);
  });
  result.considered = due.length;
  await runLimited(due, SEND_CONCURRENCY, async (person) => {
    try {
      await remindPerson(deps, tenantId, person, { now, settings, lastReminderAt: states.get(person.id)?.lastReminderAt ?? null }, result);
    } catch (error) {
      result.failed++;
      deps.log("warn", "A check-in reminder failed", { personId: person.id, error: describeError(error) });
    }
  });
  return result;
}
