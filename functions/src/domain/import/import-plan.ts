/** The import plan: which goals and key results a file creates or updates, with alignment resolved
 * to the file's own ids or to goals already in Cascade, owners matched, and every row that cannot be
 * imported named with its line. Pure: the service reads what the plan needs first. */
import type { ImportRow, RowError } from "./import-rows.js";
import { buildGoals, type GoalRows } from "./import-goals.js";
import type { ImportPlan, PlanInput } from "./import-types.js";

export type { ImportMapping, ImportPlan, PlannedGoal, PlanInput, UnknownOwner } from "./import-types.js";

/** Ids must be unique in the file: a later row with a seen id is an error, the first one counts. */
export function dropDuplicates(rows: ImportRow[], errors: RowError[]): ImportRow[] {
  const seen = new Map<string, number>();
  return rows.filter((row) => {
    const first = seen.get(row.id);
    if (first === undefined) {
      seen.set(row.id, row.line);
      return true;
    }
    errors.push({ line: row.line, message: `The id "${row.id}" is already used on line ${first}; ids must be unique in the file.` });
    return false;
  });
}

/** Goal rows with their key-result rows; a key result aligned to another key result (a Viva
 * initiative) belongs to that key result's goal. */
export function groupRows(rows: ImportRow[], errors: RowError[]): Map<string, GoalRows> {
  const goals = new Map<string, GoalRows>(rows.filter((r) => r.type === "goal").map((r) => [r.id, { row: r, keyResults: [] }]));
  const keyResults = new Map(rows.filter((r) => r.type === "key result").map((r) => [r.id, r]));
  for (const kr of keyResults.values()) {
    let parent = kr.parent;
    for (let hops = 0; keyResults.has(parent) && hops < 8; hops++) parent = keyResults.get(parent)!.parent;
    const goal = goals.get(parent);
    if (goal) goal.keyResults.push(kr);
    else errors.push({ line: kr.line, message: `Its goal "${kr.parent}" is not a goal in the file; put the key result's goal id in parent.` });
  }
  return goals;
}

export function planImport(input: PlanInput): ImportPlan {
  const errors = [...input.rowErrors];
  const rows = dropDuplicates(input.rows, errors);
  const grouped = groupRows(rows, errors);
  const built = buildGoals(input, grouped, errors);
  const plan: ImportPlan = { rows: input.rowCount, goals: { create: 0, update: 0 }, keyResults: { create: 0, update: 0 }, unchanged: built.unchanged, unknownOwners: built.unknownOwners, errors: errors.sort((a, b) => a.line - b.line), writes: built.writes, newMappings: built.newMappings };
  for (const write of built.writes) {
    if (write.previous) plan.goals.update++;
    else plan.goals.create++;
    plan.keyResults.create += write.keyResults.create;
    plan.keyResults.update += write.keyResults.update;
  }
  plan.writes.sort((a, b) => a.depth - b.depth || a.line - b.line);
  return plan;
}
