/** The managers' weekly digest: for each manager whose digest slot has come, a card with their
 * team's progress, goals at risk, people without a recent check-in and approvals waiting for them. */
import { buildManagerDigestCard, type ManagerDigestCardInput } from "../../../cards/src/index.js";
import { computeDashboard } from "../domain/dashboard.js";
import { isDigestDue } from "../domain/reminders.js";
import { loadTeamGoals, mapLimited, resolveCycle, type TeamGoals } from "../domain/team-goals.js";
import type { Cycle, Person } from "../domain/types.js";
import { type TabLinkSettings, buildApprovalsUrl, buildDashboardUrl } from "../bot/tab-links.js";
import { collectPeople, createResult, type JobRunOptions, type JobRunResult } from "./reminder-job.js";
import { describeError } from "../domain/logger.js";
import { findCardIntl } from "../bot/card-locale.js";
import type { ProgressDeps } from "../bot/progress-ports.js";

const DIGEST_CONCURRENCY = 2;
const FRESH_MS = 7 * 24 * 60 * 60 * 1000;

/** People with active goals and no check-in on any of them within the last week. */
export function findMissingCheckIns(team: TeamGoals, now: Date): ManagerDigestCardInput["missingCheckIns"] {
  const missing: ManagerDigestCardInput["missingCheckIns"] = [];
  for (const person of team.people) {
    const active = (team.goalsByOwner.get(person.id) ?? []).filter((g) => g.status === "active");
    if (active.length === 0) continue;
    const latest = active.map((g) => g.lastCheckIn?.at ?? "").sort().at(-1) || null;
    if (latest === null || now.getTime() - Date.parse(latest) > FRESH_MS) missing.push({ name: person.displayName, lastCheckInAt: latest });
  }
  return missing.sort((a, b) => (a.lastCheckInAt ?? "").localeCompare(b.lastCheckInAt ?? "") || a.name.localeCompare(b.name));
}

export function buildDigestInput(links: TabLinkSettings, team: TeamGoals, now: Date, riskMargin: number): ManagerDigestCardInput {
  const dashboard = computeDashboard({ ...team, now, riskMargin });
  let waiting = 0;
  for (const goals of team.goalsByOwner.values()) waiting += goals.filter((g) => g.status === "pending_approval" && g.approverId === team.manager.id).length;
  return {
    cycleName: team.cycle.name,
    peopleCount: dashboard.summary.people,
    averageProgress: dashboard.summary.averageProgress,
    elapsedShare: dashboard.elapsedShare,
    atRisk: dashboard.atRiskGoals.map((g) => ({ goalTitle: g.title, ownerName: g.ownerName, progress: g.progress, reason: g.reason })),
    missingCheckIns: findMissingCheckIns(team, now),
    pendingApprovals: { count: waiting, url: buildApprovalsUrl(links) },
    teamUrl: buildDashboardUrl(links, team.manager.id),
  };
}

async function sendDigest(deps: ProgressDeps, tenantId: string, manager: Person, context: { cycle: Cycle; now: Date; riskMargin: number }, result: JobRunResult): Promise<void> {
  const { cycle, now, riskMargin } = context;
  const team = await loadTeamGoals(deps, tenantId, manager, cycle);
  await deps.reminders.updateState(tenantId, manager.id, { lastDigestAt: now.toISOString() });
  const intl = await findCardIntl(deps, { tenantId, userId: manager.id });
  const card = buildManagerDigestCard(buildDigestInput(deps, team, now, riskMargin), intl);
  if (await deps.sendCard(tenantId, manager.id, card)) result.sent++;
  else result.unreachable++;
}

export async function runDigestJob(deps: ProgressDeps, tenantId: string, now: Date, options: JobRunOptions = {}): Promise<JobRunResult> {
  const result = createResult(tenantId);
  const [settings, states, everyone] = await Promise.all([deps.reminders.getSettings(tenantId), deps.reminders.listStates(tenantId), collectPeople(deps, tenantId)]);
  const managerIds = new Set(everyone.map((p) => p.managerId).filter((id): id is string => id !== null));
  const wanted = options.personIds ? new Set(options.personIds) : null;
  const due = everyone.filter((p) => managerIds.has(p.id) && (!wanted || wanted.has(p.id))).filter((p) => {
    const state = states.get(p.id);
    return options.isForced || isDigestDue(now, state?.timeZone ?? null, settings, state?.lastDigestAt ?? null);
  });
  result.considered = due.length;
  if (due.length === 0) return result;
  const cycle = await resolveCycle(deps, tenantId, null, now).catch(() => null);
  if (!cycle) return { ...result, skipped: due.length };
  await mapLimited(due, DIGEST_CONCURRENCY, async (manager) => {
    try {
      // The settings read above carry the risk margin: one read per run, not one per manager.
      await sendDigest(deps, tenantId, manager, { cycle, now, riskMargin: settings.riskMargin }, result);
    } catch (error) {
      result.failed++;
      deps.log("warn", "A manager digest failed", { managerId: manager.id, error: describeError(error) });
    }
  });
  return result;
}
