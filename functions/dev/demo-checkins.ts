/** Check-in history for the demo organisation's active goals: weekly check-ins since the cycle began,
 * most people up to date, some a week or more behind, some gone quiet, a few at risk or off track.
 * Each is recorded by the operation behind POST /api/goals/{id}/checkins with the clock set to when
 * it happened, so progress, lastCheckIn, the cascade index and the dashboards agree with it. */
import type { CheckInValue } from "../src/contracts/check-ins.js";
import { recordCheckIn, type CheckInDeps, type CheckInInput } from "../src/domain/checkins.js";
import { computeElapsedShare } from "../src/domain/risk.js";
import { runLimited } from "../src/domain/run-limited.js";
import type { Confidence, Cycle, Goal, KeyResult, Person } from "../src/domain/types.js";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Enough weeks to show a trend while keeping start-up quick. */
const MAX_HISTORY = 4;
/** Goals seeded at once; each goal's own check-ins go in order. */
const SEED_CONCURRENCY = 4;
/** A plan never finishes a goal, so the demo always has work left to check in on; and even on a
 * cycle's first day a check-in reports a start. */
const MAX_PROGRESS = 0.9;
const MIN_PROGRESS = 0.05;
/** A goal's milestones are reached once its measures are this far along. */
const MILESTONE_DONE_AT = 0.4;
/** Check-ins happen in the afternoon (UTC), spread over a few hours. */
const CHECK_IN_HOUR = 14;

interface Pace {
  /** Days between the last check-in and today. */
  lastDaysAgo: number;
  /** Progress at the last check-in, as a share of the cycle gone by then. */
  pace: number;
  confidence: Confidence;
  note: string;
}

const PACES = {
  steady: { lastDaysAgo: 1, pace: 1, confidence: "on_track", note: "Good week: on plan, nothing blocking." },
  late: { lastDaysAgo: 9, pace: 1, confidence: "on_track", note: "Busy fortnight, but still on plan." },
  quiet: { lastDaysAgo: 22, pace: 0.9, confidence: "on_track", note: "On plan so far." },
  atRisk: { lastDaysAgo: 2, pace: 0.6, confidence: "at_risk", note: "Waiting on another team; the date may slip." },
  offTrack: { lastDaysAgo: 3, pace: 0.35, confidence: "off_track", note: "Blocked for two weeks; we need to agree a smaller scope." },
} satisfies Record<string, Pace>;

/** Cycled over the goals in a stable order: about half steady, and a few of every other kind. */
const PATTERN: Pace[] = [PACES.steady, PACES.steady, PACES.late, PACES.atRisk, PACES.steady, PACES.quiet, PACES.steady, PACES.offTrack, PACES.steady, PACES.late];

const EARLIER_NOTES = ["Started the first piece of work.", "Steady progress this week.", "Made up some ground.", "Small steps, still on course."];

export interface PlannedCheckIn {
  at: Date;
  input: CheckInInput;
}

function countDecimals(value: number): number {
  return String(value).split(".")[1]?.length ?? 0;
}

function valueAt(kr: KeyResult, progress: number): CheckInValue {
  if (kr.kind === "milestone") return { id: kr.id, done: progress >= MILESTONE_DONE_AT };
  const scale = 10 ** Math.max(countDecimals(kr.start), countDecimals(kr.target));
  // A kept threshold is crossed about half-way through the pace, so slow goals show it broken.
  const share = kr.kind === "keep_above" || kr.kind === "keep_below" ? 0.5 + progress : progress;
  return { id: kr.id, current: Math.round((kr.start + (kr.target - kr.start) * share) * scale) / scale };
}

/** Weekly times, oldest first, ending `lastDaysAgo` (plus a little spread) before today and never
 * before the goal existed. */
function planTimes(goal: Goal, pace: Pace, index: number, cycle: Cycle, today: Date): Date[] {
  const todayStart = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const last = todayStart - (pace.lastDaysAgo + (index % 3)) * DAY_MS + CHECK_IN_HOUR * 60 * 60 * 1000 + (index % 5) * 40 * 60 * 1000;
  const earliest = Math.max(Date.parse(`${cycle.startDate}T00:00:00Z`) - DAY_MS, Date.parse(goal.createdAt) + 60 * 60 * 1000);
  const times: Date[] = [];
  for (let week = 0; week < MAX_HISTORY && last - week * 7 * DAY_MS >= earliest; week++) times.unshift(new Date(last - week * 7 * DAY_MS));
  // Early in a cycle the weekly rhythm has not started yet; one check-in still shows the goal is alive.
  if (times.length === 0 && earliest <= today.getTime()) times.push(new Date(earliest));
  return times;
}

/** The check-ins one goal gets; `index` is the goal's place in a stable order and picks its pace. */
export function planCheckIns(goal: Goal, index: number, cycle: Cycle, today: Date): PlannedCheckIn[] {
  const pace = PATTERN[index % PATTERN.length]!;
  const times = planTimes(goal, pace, index, cycle, today);
  const final = Math.min(MAX_PROGRESS, Math.max(MIN_PROGRESS, pace.pace * computeElapsedShare(cycle, times.at(-1) ?? today) + (index % 3) * 0.03));
  return times.map((at, i) => {
    const isLast = i === times.length - 1;
    const progress = (final * (i + 1)) / times.length;
    const confidence: Confidence = isLast ? pace.confidence : pace.confidence === "off_track" && i === times.length - 2 ? "at_risk" : "on_track";
    const note = isLast ? pace.note : EARLIER_NOTES[(index + i) % EARLIER_NOTES.length]!;
    return { at, input: { keyResults: goal.keyResults.map((kr) => valueAt(kr, progress)), confidence, note } };
  });
}

async function listActiveGoals(deps: CheckInDeps, tenantId: string, people: Person[], cycleId: string): Promise<Goal[]> {
  const lists = await runLimited(people, 16, (p) => deps.goals.listGoalsByOwner(tenantId, p.id, { cycleId, status: "active" }));
  const names = new Map(people.map((p) => [p.id, p.displayName]));
  const goals = lists.flat().map((g) => g.value);
  return goals.sort((a, b) => (names.get(a.ownerId) ?? "").localeCompare(names.get(b.ownerId) ?? "") || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}

/** Seeds history for active goals nobody has checked in on yet; returns how many check-ins it recorded. */
export async function seedDemoCheckIns(deps: CheckInDeps, tenantId: string, people: Person[], cycle: Cycle, today: Date): Promise<number> {
  const byId = new Map(people.map((p) => [p.id, p]));
  const goals = await listActiveGoals(deps, tenantId, people, cycle.id);
  const counts = await runLimited([...goals.entries()], SEED_CONCURRENCY, async ([index, goal]) => {
    // Someone already checked in for real (data kept in CASCADE_DATA_DIR): their history stays theirs.
    if (goal.lastCheckIn !== null) return 0;
    const owner = { tenantId, userId: goal.ownerId, name: byId.get(goal.ownerId)?.displayName ?? "", roles: [] };
    const planned = planCheckIns(goal, index, cycle, today);
    for (const { at, input } of planned) await recordCheckIn({ ...deps, clock: { now: () => at } }, owner, goal.id, input);
    return planned.length;
  });
  return counts.reduce((sum, n) => sum + n, 0);
}
