/** CSV export of a manager's subtree for one cycle: one row per key result, with the goal's fields,
 * its progress and risk, and the latest check-in. */
import type { CheckInReader } from "./checkins.js";
import { toCsv, type CsvValue } from "./csv.js";
import type { GoalDeps } from "./goal-context.js";
import { computeGoalProgress, computeKeyResultProgress } from "../contracts/progress.js";
import { assessGoalRisk } from "./risk.js";
import { assertCanViewTeam, loadTeamGoals, resolveCycle, LOAD_CONCURRENCY } from "./team-goals.js";
import { runLimited } from "./run-limited.js";
import type { CheckIn, Goal, KeyResult, Person, Principal } from "./types.js";

export const EXPORT_HEADER = [
  "owner_id", "owner_name", "owner_manager_id", "goal_id", "goal_title", "status", "visibility", "parent_id", "weight", "due_date",
  "goal_progress", "at_risk", "key_result_id", "key_result_title", "kind", "start", "target", "current", "unit", "unit_kind", "currency", "done",
  "key_result_progress", "last_check_in_at", "last_confidence", "last_check_in_note",
];

export interface ExportDeps extends GoalDeps {
  checkIns: CheckInReader;
  riskMargin(tenantId: string): Promise<number>;
}

export interface ExportRowInput {
  owner: Person;
  goal: Goal;
  latest: CheckIn | null;
  isAtRisk: boolean;
}

function describeKeyResult(kr: KeyResult | null): CsvValue[] {
  if (!kr) return ["", "", "", "", "", "", "", "", "", "", ""];
  if (kr.kind === "milestone") return [kr.id, kr.title, "milestone", "", "", "", "", "", "", kr.done, computeKeyResultProgress(kr)];
  return [kr.id, kr.title, kr.kind, kr.start, kr.target, kr.current, kr.unit ?? "", kr.unitKind, kr.currency ?? "", "", computeKeyResultProgress(kr)];
}

export function buildExportRows(items: ExportRowInput[]): CsvValue[][] {
  const rows: CsvValue[][] = [];
  for (const { owner, goal, latest, isAtRisk } of items) {
    const goalCells: CsvValue[] = [owner.id, owner.displayName, owner.managerId, goal.id, goal.title, goal.status, goal.visibility, goal.parentId, goal.weight, goal.dueDate, computeGoalProgress(goal.keyResults), isAtRisk];
    const checkInCells: CsvValue[] = [latest?.at ?? goal.lastCheckIn?.at ?? "", latest?.confidence ?? goal.lastCheckIn?.confidence ?? "", latest?.note ?? ""];
    const keyResults: Array<KeyResult | null> = goal.keyResults.length > 0 ? goal.keyResults : [null];
    for (const kr of keyResults) rows.push([...goalCells, ...describeKeyResult(kr), ...checkInCells]);
  }
  return rows;
}

export async function exportTeamGoalsCsv(deps: ExportDeps, principal: Principal, managerId: string, cycleId: string | null): Promise<{ csv: string; cycleId: string }> {
  const manager = await assertCanViewTeam(deps, principal, managerId);
  const now = deps.clock.now();
  const cycle = await resolveCycle(deps, principal.tenantId, cycleId, now);
  const [team, margin] = await Promise.all([loadTeamGoals(deps, principal.tenantId, manager, cycle), deps.riskMargin(principal.tenantId)]);
  const owners = new Map(team.people.map((p) => [p.id, p]));
  const goals = team.people.flatMap((p) => team.goalsByOwner.get(p.id) ?? []);
  const latest = await runLimited(goals, LOAD_CONCURRENCY, async (goal) =>
    goal.lastCheckIn ? ((await deps.checkIns.listCheckIns(principal.tenantId, goal, { limit: 1, cursor: null })).items[0] ?? null) : null,
  );
  const items = goals.map((goal, i) => ({ owner: owners.get(goal.ownerId)!, goal, latest: latest[i] ?? null, isAtRisk: assessGoalRisk(goal, cycle, now, margin).isAtRisk }));
  return { csv: toCsv(EXPORT_HEADER, buildExportRows(items)), cycleId: cycle.id };
}
