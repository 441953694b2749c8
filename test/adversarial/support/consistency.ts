/** Checks a tenant's goals against every index kept beside them, reading storage directly: the goal
 * pointer (goalindex), the children lists (goalchildren), the cascade index (cascadeindex: pointer,
 * placed summary, organisation summary, in a partition's pack or its rows). Returns every
 * disagreement found. */
import { ROOT_PLACEMENT, summariseGoal } from "../../../functions/src/domain/cascade-ports.js";
import type { DirectoryReader } from "../../../functions/src/domain/ports.js";
import { computeGoalProgress } from "../../../functions/src/contracts/progress.js";
import { computeAllFigures } from "../../../functions/src/domain/alignment-rollups.js";
import type { Goal } from "../../../functions/src/domain/types.js";
import { type GoalSummary } from "../../../functions/src/domain/cascade-ports.js";
import { fromSummaryEntity, PACK_ROW, readPackRow } from "../../../functions/src/store/cascade-index.js";
import { fromGoalEntity, type GoalEntity } from "../../../functions/src/store/goal-entity.js";
import { pointerShard } from "../../../functions/src/store/goal-pointers.js";
import { readTenantRows } from "../../support/table-scan.js";

type Row = Record<string, unknown>;
const key = (...parts: string[]) => parts.join("|");
/** A summary without the time it was written: the cascade index skips writes that change no summary field. */
const fingerprint = (goal: Goal, ownerName: string) => JSON.stringify({ ...summariseGoal(goal, ownerName), updatedAt: "" });

function describeDifference(stored: object, expected: object): string {
  const a = stored as Record<string, unknown>;
  const b = expected as Record<string, unknown>;
  return Object.keys(b)
    .filter((k) => k !== "updatedAt" && JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => `${k}: ${JSON.stringify(a[k])} instead of ${JSON.stringify(b[k])}`)
    .join(", ");
}

export async function checkConsistency(connectionString: string, tenantId: string, directory: DirectoryReader): Promise<string[]> {
  const rows = await readTenantRows(connectionString, [tenantId]);
  const byTable = (table: string) => new Map(rows.filter((r) => r.table === table).map((r) => [key(String(r.entity.partitionKey), String(r.entity.rowKey)), r.entity as Row]));
  const goalRows = [...byTable("goals").values()].filter((e) => String(e.rowKey).startsWith("g|") && e.status !== "deleted" && !e.movingTo);
  const live = new Map(goalRows.map((e) => [String(e.id), fromGoalEntity(e as unknown as GoalEntity)]));
  const pointers = byTable("goalindex");
  const children = byTable("goalchildren");
  const cascade = byTable("cascadeindex");
  const problems: string[] = [];
  // A pointer in the goal's shard; else one kept where pointers were written before the shards.
  const goalPointerOf = (goalId: string) => pointers.get(key(tenantId, "i", pointerShard(goalId), goalId)) ?? pointers.get(key(tenantId, goalId, "g"));
  // Each partition's summaries by goal id: its pack's, or its rows' when it has no pack or keeps rows.
  const packs = new Map([...cascade.values()].filter((r) => r.rowKey === PACK_ROW).map((r) => [String(r.partitionKey), readPackRow(r)]));
  const summaries = new Map<string, Map<string, GoalSummary>>();
  const summaryRows: Array<{ partition: string; rowKey: string; summary: GoalSummary }> = [];
  for (const row of cascade.values()) {
    const partition = String(row.partitionKey);
    if (row.rowKey === PACK_ROW || partition.includes("|ptr|") || partition.includes("|ptrs|") || partition === key(tenantId, "layout")) continue;
    const pack = packs.get(partition);
    if (pack && pack !== "rows") {
      problems.push(`cascadeindex: row ${partition}/${String(row.rowKey)} is left beside its partition's pack`);
      continue;
    }
    summaryRows.push({ partition, rowKey: String(row.rowKey), summary: fromSummaryEntity(row) });
  }
  for (const [partition, pack] of packs) if (pack !== "rows") summaryRows.push(...pack.map((summary) => ({ partition, rowKey: `${PACK_ROW}:${summary.id}`, summary })));
  for (const { partition, summary } of summaryRows) summaries.set(partition, (summaries.get(partition) ?? new Map<string, GoalSummary>()).set(summary.id, summary));
  const summaryOf = (partition: string, goalId: string) => summaries.get(partition)?.get(goalId);
  const placementPointerOf = (goalId: string) => cascade.get(key(tenantId, "ptrs", pointerShard(goalId), goalId)) ?? cascade.get(key(tenantId, "ptr", goalId, "p"));

  // What each goal's row under its parent keeps about the goals aligned below it.
  const figures = computeAllFigures([...live.values()].map((g) => ({ id: g.id, parentId: g.parentId, weight: g.weight, status: g.status, progress: computeGoalProgress(g.keyResults) })));
  for (const goal of live.values()) {
    const pointer = goalPointerOf(goal.id);
    if (pointer?.ownerId !== goal.ownerId) problems.push(`goalindex: goal ${goal.id} has ${pointer ? `a pointer to ${String(pointer.ownerId)}` : "no pointer"}`);
    if (goal.parentId) {
      const child = children.get(key(tenantId, goal.parentId, goal.id));
      const expected = { ownerId: goal.ownerId, cycleId: goal.cycleId, status: goal.status, title: goal.title, weight: goal.weight, visibility: goal.visibility, progress: computeGoalProgress(goal.keyResults) };
      const actual = child && Object.fromEntries(Object.keys(expected).map((k) => [k, child[k]]));
      if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`goalchildren: goal ${goal.id} under ${goal.parentId} is ${child ? `stale (${JSON.stringify(actual)})` : "missing"}`);
      const kept = figures.get(goal.id)!;
      if (child && (child.alignedCount !== kept.alignedCount || typeof child.rolledUpProgress !== "number" || Math.abs(child.rolledUpProgress - kept.rolledUpProgress) > 1e-9)) {
        problems.push(`goalchildren: goal ${goal.id} under ${goal.parentId} keeps ${String(child.alignedCount)} aligned and ${String(child.rolledUpProgress)} rolled up instead of ${kept.alignedCount} and ${kept.rolledUpProgress}`);
      }
    }
    const owner = await directory.getPerson(tenantId, goal.ownerId);
    const managerKey = owner?.managerId ?? ROOT_PLACEMENT;
    const cascadePointer = placementPointerOf(goal.id);
    if (!cascadePointer || cascadePointer.managerKey !== managerKey || cascadePointer.cycleId !== goal.cycleId) {
      problems.push(`cascadeindex: goal ${goal.id} pointer is ${cascadePointer ? `at ${String(cascadePointer.cycleId)}/${String(cascadePointer.managerKey)}` : "missing"}`);
      continue;
    }
    const ownerName = String(cascadePointer.ownerName ?? "");
    const placed = summaryOf(key(tenantId, goal.cycleId, "m", managerKey), goal.id);
    if (!placed || JSON.stringify({ ...placed, updatedAt: "" }) !== fingerprint(goal, ownerName)) problems.push(`cascadeindex: goal ${goal.id} summary is ${placed ? `stale (${describeDifference(placed, summariseGoal(goal, ownerName))})` : "missing"}`);
    const top = summaryOf(key(tenantId, goal.cycleId, "top"), goal.id);
    if (goal.isTopLevel && (!top || JSON.stringify({ ...top, updatedAt: "" }) !== fingerprint(goal, ownerName))) problems.push(`cascadeindex: organisation goal ${goal.id} summary is ${top ? "stale" : "missing"}`);
  }

  for (const [rowKey, pointer] of pointers) {
    const goalId = String(pointer.partitionKey).startsWith(`${tenantId}|i|`) ? String(pointer.rowKey) : rowKey.split("|")[1]!;
    if (!live.has(goalId)) problems.push(`goalindex: pointer ${rowKey} leads to no goal (owner ${String(pointer.ownerId)})`);
  }
  for (const child of children.values()) {
    const goal = live.get(String(child.rowKey));
    if (!goal || key(tenantId, goal.parentId ?? "") !== child.partitionKey) problems.push(`goalchildren: row ${String(child.partitionKey)}/${String(child.rowKey)} lists a goal that is not there`);
  }
  for (const row of cascade.values()) {
    const partition = String(row.partitionKey);
    if (partition.includes("|ptr|") && !live.has(partition.split("|")[2]!)) problems.push(`cascadeindex: pointer of missing goal ${partition}`);
    if (partition.includes("|ptrs|") && !live.has(String(row.rowKey))) problems.push(`cascadeindex: pointer of missing goal ${String(row.rowKey)}`);
  }
  for (const { partition, rowKey, summary } of summaryRows) {
    const goal = live.get(summary.id);
    const pointer = placementPointerOf(summary.id);
    const isTop = partition.endsWith("|top");
    const isWhereExpected = goal && pointer && (isTop ? goal.isTopLevel && partition === key(tenantId, goal.cycleId, "top") : partition === key(tenantId, String(pointer.cycleId), "m", String(pointer.managerKey)));
    if (!isWhereExpected) problems.push(`cascadeindex: summary ${partition}/${rowKey} is for a goal that is gone or elsewhere`);
  }
  return problems;
}
