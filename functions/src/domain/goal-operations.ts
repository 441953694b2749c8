/** What the goal routes may do, bound to their dependencies: routes call these and never reach the stores. */
import { carryOverGoal } from "./carry-over.js";
import { suggestParentGoals } from "./cascade.js";
import { closeOutGoal, commentOnCloseOut, loadCloseOutTeam, openCycleCloseOut } from "./close-out-service.js";
import { listCycles } from "./cycles.js";
import type { GoalDeps } from "./goal-context.js";
import { createGoal, deleteGoal, getGoal, getHistory, listGoals, updateGoal } from "./goal-service.js";
import { closeGoal, decideGoal, submitGoal } from "./goal-workflow.js";
import type { Cycle } from "./types.js";

function bind<A extends unknown[], R>(deps: GoalDeps, operation: (deps: GoalDeps, ...args: A) => R): (...args: A) => R {
  return (...args) => operation(deps, ...args);
}

export function createGoalOperations(deps: GoalDeps) {
  return {
    list: bind(deps, listGoals),
    create: bind(deps, createGoal),
    get: bind(deps, getGoal),
    update: bind(deps, updateGoal),
    delete: bind(deps, deleteGoal),
    history: bind(deps, getHistory),
    submit: bind(deps, submitGoal),
    decide: bind(deps, decideGoal),
    close: bind(deps, closeGoal),
    closeOut: bind(deps, closeOutGoal),
    commentOnCloseOut: bind(deps, commentOnCloseOut),
    carryOver: bind(deps, carryOverGoal),
    closeOutTeam: bind(deps, loadCloseOutTeam),
    openCycleCloseOut: bind(deps, openCycleCloseOut),
    suggestParents: bind(deps, suggestParentGoals),
    listCycles: bind(deps, listCycles),
    /** The goal's cycle, which the goal's view shows; null when it is gone. */
    findCycle: (tenantId: string, cycleId: string): Promise<Cycle | null> => deps.cycles.getCycle(tenantId, cycleId),
    /** Today's date (UTC) on the app's clock, which decides whether a cycle is current. */
    today: (): string => deps.clock.now().toISOString().slice(0, 10),
  };
}

export type GoalOperations = ReturnType<typeof createGoalOperations>;
