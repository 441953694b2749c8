/** The managers' weekly digest: for each manager whose digest slot has come, a card with their
 * team's figures and goals at risk (as their dashboard shows them, from the kept roll-ups), and their
 * direct reports without a recent check-in and approvals from them waiting. A digest reads the same
 * few entities whatever the size of the team: a leader of a hundred thousand gets theirs as quickly as
 * a team lead. */
import { buildManagerDigestCard, type ManagerDigestCardInput } from "../../../cards/src/index.js";
import type { Dashboard } from "../contracts/views.js";
import { readKeptDashboard } from "../domain/dashboard-service.js";
import { isDigestDue } from "../domain/reminders.js";
import { loadGoalsOf, resolveCycle } from "../domain/team-goals.js";
import { runLimited } from "../domain/run-limited.js";
import type { Cycle, Goal, Person } from "../domain/types.js";
import { type TabLinkSettings, buildApprovalsUrl, buildDashboardUrl } from "../bot/tab-links.js";
import { collectPeople, createResult, type JobRunOptions, type JobRunResult } from "./reminder-job.js";
import { describeError } from "../domain/logger.js";
import { findCardIntl } from "../bot/card-locale.js";
import type { ProgressDeps } from "../bot/progress-ports.js";

const DIGEST_CONCURRENCY = 2;
const FRESH_MS = 7 * 24 * 60 * 60 * 1000;

/** What one manager's digest is made of. */
export interface DigestTeam {
  manager: Person;
  cycle: Cycle;
  dashboard: Dashboard;
  directReports: Person[];
  /** The direct reports' goals of the cycle, by owner. */
  goalsByOwner: Map<string, Goal[]>;
}

export async function loadDigestTeam(deps: ProgressDeps, tenantId: string, manager: Person, cycle: Cycle, now: Date, riskMargin: number): Promise<DigestTeam> {
  const [dashboard, directReports] = await Promise.all([readKeptDashboard(deps, tenantId, manager.id, cycle, now, riskMargin), deps.directory.listDirectReports(tenantId, manager.id)]);
  return { manager, cycle, dashboard, directReports, goalsByOwner: await loadGoalsOf(deps, tenantId, directReports, cycle) };
}

/** Direct reports with active goals and no check-in on any of them within the last week. */
export function findMissingCheckIns(team: Pick<DigestTeam, "directReports" | "goalsByOwner">, now: Date): ManagerDigestCardInput["missingCheckIns"] {
  const missing: ManagerDigestCardInput["missingCheckIns"] = [];
  for (const person of team.directReports) {
    const active = (team.goalsByOwner.get(person.id) ?? []).filter((g) => g.status === "active");
    if (active.length === 0) continue;
    const latest = active.map((g) => g.lastCheckIn?.at ?? "").sort().at(-1) || null;
    if (latest === null || now.getTime() - Date.parse(latest) > FRESH_MS) missing.push({ name: person.displayName, lastCheckInAt: latest });
  }
  return missing.sort((a, b) => (a.lastCheckInAt ?? "").localeCompare(b.lastCheckInAt ?? "") || a.name.localeCompare(b.name));
}

export function buildDigestInput(links: TabLinkSettings, team: DigestTeam, now: Date): ManagerDigestCardInput {
  const { dashboard } = team;
  let waiting = 0;
  for (const goals of team.goalsByOwner.values()) waiting += goals.filter((g) => g.status === "pending_approval" && g.approverId === team.manager.id).length;
  return {
    cycleName: team.cycle.name,
    peopleCount: dashboard.summary.people,
    averageProgress: dashboard.summary.averageProgress,
    elapsedShare: dashboard.elapsedShare,
    atRisk: dashboard.atRiskGoals.map((g) => ({ goalTitle: g.title, ownerName: g.ownerName, progress: g.progress, reason: g.reason })),
    atRiskCount: dashboard.summary.atRisk,
    missingCheckIns: findMissingCheckIns(team, now),
    pendingApprovals: { count: waiting, url: buildApprovalsUrl(links) },
    teamUrl: buildDashboardUrl(links, team.manager.id),
  };
}

async function sendDigest(deps: ProgressDeps, tenantId: string, manager: Person, context: { cycle: Cycle; now: Date; riskMargin: number }, result: JobRunResult): Promise<void> {
  const { cycle, now, riskMargin } = context;
  const team = await loadDigestTeam(deps, tenantId, manager, cycle, now, riskMargin);
  await deps.reminders.updateState(tenantId, manager.id, { lastDigestAt: now.toISOString() });
  const intl = await findCardIntl(deps, { tenantId, userId: manager.id });
  const card = buildManagerDigestCard(buildDigestInput(deps, team, now), intl);
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
  await runLimited(due, DIGEST_CONCURRENCY, async (manager) => {
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
