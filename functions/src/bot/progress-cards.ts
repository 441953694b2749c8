/** View models for the check-in, kudos and digest cards, built from stored goals. */
import type { CheckInGoalView, KeyResultView } from "../../../cards/src/index.js";
import { createHash } from "node:crypto";
import type { Versioned } from "../domain/ports.js";
import { computeGoalProgress } from "../contracts/progress.js";
import type { Goal, KeyResult } from "../domain/types.js";
import { buildGoalUrl, type TabLinkSettings } from "./tab-links.js";

export function toKeyResultView(kr: KeyResult): KeyResultView {
  if (kr.kind === "milestone") return { id: kr.id, title: kr.title, kind: "milestone", done: kr.done };
  return { id: kr.id, title: kr.title, kind: kr.kind, start: kr.start, target: kr.target, current: kr.current, unitKind: kr.unitKind, unit: kr.unit ?? null, currency: kr.currency ?? null };
}

export function toCheckInGoalView(links: TabLinkSettings, { value: goal, etag }: Versioned<Goal>): CheckInGoalView {
  return {
    goalId: goal.id,
    version: etag,
    title: goal.title,
    dueDate: goal.dueDate,
    progress: computeGoalProgress(goal.keyResults),
    lastCheckIn: goal.lastCheckIn,
    keyResults: goal.keyResults.map(toKeyResultView),
    goalUrl: buildGoalUrl(links, goal.id),
  };
}

/** The same card, action and person always give the same id, so a replayed action is recognised. */
export function deriveActionId(kind: string, goalId: string, version: string, userId: string): string {
  return createHash("sha256").update(`${kind}\n${goalId}\n${version}\n${userId}`).digest("hex").slice(0, 32);
}
