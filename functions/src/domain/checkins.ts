/** Check-ins: the owner records where the key results stand, how confident they are, and a note.
 * Values are absolute, so two check-ins racing on one goal are both recorded and the later write
 * decides the current values; nothing is lost because each attempt re-reads the goal. */
import { assertOwner } from "./goal-access.js";
import { editFromHeldGoal, loadVisibleGoal, makeAudit, resolveEtag, type GoalDeps } from "./goal-context.js";
import { AppError, isAppError, type FieldError } from "./errors.js";
import type { Versioned } from "./ports.js";
import { isMeasured } from "../contracts/key-result-rules.js";
import type { CheckIn, Confidence, Goal, KeyResult, Principal } from "./types.js";
import type { CheckInValue } from "../contracts/check-ins.js";
import type { Page } from "../contracts/common.js";

export interface CheckInInput {
  keyResults: CheckInValue[];
  confidence: Confidence;
  note: string;
}

export interface CheckInReader {
  /** Newest first. The cursor is one this method returned for the same goal. */
  listCheckIns(tenantId: string, goal: Pick<Goal, "id" | "ownerId">, page: { limit: number; cursor: string | null }): Promise<Page<CheckIn>>;
}

export type CheckInDeps = GoalDeps & { checkIns: CheckInReader };

export interface CheckInResult {
  goal: Versioned<Goal>;
  checkIn: CheckIn;
  /** False when this check-in had already been recorded (a replayed card action). */
  isApplied: boolean;
}

const MAX_ATTEMPTS = 8;
/** How far back a replayed card action is looked for; a replay arrives within seconds. */
const REPLAY_WINDOW = 10;

function updateKeyResult(kr: KeyResult, value: CheckInValue, errors: FieldError[], path: string): KeyResult {
  if (isMeasured(kr)) {
    if (value.current === undefined || value.done !== undefined) errors.push({ path, message: `"${kr.title}" takes a number (current).` });
    return value.current === undefined ? kr : { ...kr, current: value.current };
  }
  if (value.done === undefined || value.current !== undefined) errors.push({ path, message: `"${kr.title}" is a milestone: send done true or false.` });
  return value.done === undefined ? kr : { ...kr, done: value.done };
}

/** The goal's key results with the check-in's values applied; unknown or mistyped entries are errors. */
export function applyCheckInValues(keyResults: KeyResult[], values: CheckInValue[]): KeyResult[] {
  const errors: FieldError[] = [];
  const byId = new Map(values.map((v, i) => [v.id, { value: v, index: i }]));
  if (byId.size !== values.length) errors.push({ path: "keyResults", message: "Each key result can appear once." });
  const known = new Set(keyResults.map((kr) => kr.id));
  values.forEach((v, i) => {
    if (!known.has(v.id)) errors.push({ path: `keyResults.${i}.id`, message: "This goal has no such key result." });
  });
  const next = keyResults.map((kr) => {
    const entry = byId.get(kr.id);
    return entry ? updateKeyResult(kr, entry.value, errors, `keyResults.${entry.index}`) : kr;
  });
  if (errors.length > 0) throw new AppError("validation_failed", "Some check-in values are not valid.", { errors });
  return next;
}

function describeChanges(before: Goal, after: KeyResult[], confidence: Confidence) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  before.keyResults.forEach((kr, i) => {
    const next = after[i]!;
    if (isMeasured(kr) && isMeasured(next) && kr.current !== next.current) changes[`keyResults.${kr.id}.current`] = { from: kr.current, to: next.current };
    if (kr.kind === "milestone" && next.kind === "milestone" && kr.done !== next.done) changes[`keyResults.${kr.id}.done`] = { from: kr.done, to: next.done };
  });
  const previous = before.lastCheckIn?.confidence ?? null;
  if (previous !== confidence) changes["confidence"] = { from: previous, to: confidence };
  return changes;
}

async function findRecorded(deps: CheckInDeps, goal: Goal, checkInId: string): Promise<CheckIn | null> {
  const page = await deps.checkIns.listCheckIns(goal.tenantId, goal, { limit: REPLAY_WINDOW, cursor: null });
  return page.items.find((c) => c.id === checkInId) ?? null;
}

function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * (attempt + 1)));
}

export interface RecordOptions {
  ifMatch?: string | null;
  /** A stable id makes the operation idempotent: a second call with it records nothing. */
  checkInId?: string;
}

export async function recordCheckIn(deps: CheckInDeps, principal: Principal, goalId: string, input: CheckInInput, options: RecordOptions = {}): Promise<CheckInResult> {
  const ifMatch = options.ifMatch ?? null;
  const checkInId = options.checkInId ?? deps.ids.newId();
  for (let attempt = 0; ; attempt++) {
    const asked = attempt === 0 ? ifMatch : null;
    try {
      // Without If-Match a check-in applies to the version stored, so a version held here may serve.
      return await editFromHeldGoal(deps, principal, goalId, asked ?? "*", (using, stored) => checkInOnce(using, principal, stored, input, { ifMatch: asked, checkInId, isIdempotent: options.checkInId !== undefined }));
    } catch (error) {
      const isRace = isAppError(error) && error.code === "precondition_failed";
      if (!isRace || ifMatch !== null || attempt + 1 >= MAX_ATTEMPTS) throw error;
      await pause(attempt);
    }
  }
}

async function checkInOnce(deps: CheckInDeps, principal: Principal, stored: Versioned<Goal>, input: CheckInInput, options: { ifMatch: string | null; checkInId: string; isIdempotent: boolean }): Promise<CheckInResult> {
  const goal = stored.value;
  assertOwner(principal, goal, "check in on it");
  if (options.isIdempotent) {
    const recorded = await findRecorded(deps, goal, options.checkInId);
    if (recorded) return { goal: stored, checkIn: recorded, isApplied: false };
  }
  if (goal.status !== "active") throw new AppError("invalid_transition", "Only active goals take check-ins.", { extra: { status: goal.status } });
  const etag = resolveEtag(stored, options.ifMatch, false);
  const keyResults = applyCheckInValues(goal.keyResults, input.keyResults);
  const at = deps.clock.now().toISOString();
  const checkIn: CheckIn = { id: options.checkInId, goalId: goal.id, at, authorId: principal.userId, confidence: input.confidence, note: input.note.trim(), values: input.keyResults };
  const next: Goal = { ...goal, keyResults, lastCheckIn: { at, confidence: input.confidence }, updatedAt: at };
  const audit = makeAudit(deps, goal.id, principal.userId, "checked_in", describeChanges(goal, keyResults, input.confidence), checkIn.note || null);
  const saved = await deps.goals.saveGoal({ goal: next, etag, audit: [audit], checkIns: [checkIn] });
  return { goal: saved, checkIn, isApplied: true };
}

export async function listCheckInHistory(deps: CheckInDeps, principal: Principal, goalId: string, page: { limit: number; cursor: string | null }): Promise<Page<CheckIn>> {
  const stored = await loadVisibleGoal(deps, principal, goalId);
  return deps.checkIns.listCheckIns(principal.tenantId, stored.value, page);
}
