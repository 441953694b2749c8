/** Links that open one goal: `?goal=<id>` on the web, the page's sub-page id inside Teams (chat
 * cards put the goal id there). Also where such a link should land when the goal is not the
 * caller's own, and how to explain a goal that cannot be opened. */
import type { ApiError } from "../api/client.js";
import type { Translator } from "../i18n/translator.js";
import { describeError } from "../i18n/describe-error.js";

/** The API's id rule; anything else in a link cannot be a goal and is ignored. */
const GOAL_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const GOAL_PARAM = "goal";

export type GoalSection = "check-ins" | "kudos" | "comments" | "history";

/** How the caller stands to a goal's owner. */
export type GoalRelation = "own" | "manages" | "other";

/** The Teams sub-page id wins: inside Teams the frame's address keeps only the tab's content URL. */
export function readGoalLink(search: string, teamsSubPageId: string | null | undefined): string | null {
  const candidate = teamsSubPageId?.trim() || new URLSearchParams(search).get(GOAL_PARAM)?.trim() || "";
  return GOAL_ID.test(candidate) ? candidate : null;
}

/** The same address with the goal set, or removed for null, keeping every other parameter. */
export function buildGoalUrl(href: string, goalId: string | null): string {
  const url = new URL(href);
  if (goalId) url.searchParams.set(GOAL_PARAM, goalId);
  else url.searchParams.delete(GOAL_PARAM);
  return `${url.pathname}${url.search}${url.hash}`;
}

export function describeGoalRelation(ownerId: string, meId: string, ownerManagerChainIds: readonly string[]): GoalRelation {
  if (ownerId === meId) return "own";
  return ownerManagerChainIds.includes(meId) ? "manages" : "other";
}

/** Cards link to My goals; a goal of someone in the caller's team belongs on Team, anyone else's
 * public goal on Organisation. Links to any other page (Approvals) stay where they point. */
export function chooseViewForGoal(requestedViewId: string, relation: GoalRelation): string {
  if (requestedViewId !== "my-goals" || relation === "own") return requestedViewId;
  return relation === "manages" ? "team" : "organisation";
}

export interface LoadFailure {
  title: string;
  detail: string;
  canRetry: boolean;
}

/** A private goal the caller may not see answers 404, like a deleted one, so both read the same. */
export function describeGoalLoadFailure(error: ApiError, tr: Translator): LoadFailure {
  if (error.status === 404 || error.status === 400) {
    return { title: tr.t("goalLink.notFound.title"), detail: tr.t("goalLink.notFound.detail"), canRetry: false };
  }
  if (error.status === 403) {
    return { title: tr.t("goalLink.forbidden.title"), detail: tr.t("goalLink.forbidden.detail"), canRetry: false };
  }
  return { title: tr.t("goalLink.failed.title"), detail: describeError(error, tr), canRetry: true };
}
