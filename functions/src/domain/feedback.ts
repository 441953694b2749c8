/** Recognition and feedback on a goal. Kudos are public to whoever can see the goal; comments are
 * a conversation between the owner and their management chain only. */
import { canSeeAllGoalsOf } from "./goal-access.js";
import { loadVisibleGoal, type GoalDeps } from "./goal-context.js";
import { AppError } from "./errors.js";
import type { Goal, Principal } from "./types.js";
import { THANKABLE, type GoalComment, type Kudos } from "../contracts/feedback.js";
import { COMMENT_MAX, KUDOS_MESSAGE_MAX } from "../contracts/limits.js";

export const COMMENT_LIST_MAX = 200;

export interface FeedbackRepository {
  /** Returns false when kudos with this id already exist (a replay); nothing is written then. */
  addKudos(tenantId: string, kudos: Kudos): Promise<boolean>;
  listKudos(tenantId: string, goalId: string): Promise<Kudos[]>;
  addComment(tenantId: string, comment: GoalComment): Promise<void>;
  /** Newest first. */
  listComments(tenantId: string, goalId: string, limit: number): Promise<GoalComment[]>;
}

export interface FeedbackSink {
  kudosGiven(tenantId: string, kudos: Kudos, goal: Goal): Promise<void>;
}

export interface FeedbackDeps extends GoalDeps {
  feedback: FeedbackRepository;
  feedbackEvents: FeedbackSink;
}

export interface KudosResult {
  kudos: Kudos;
  isApplied: boolean;
}

export async function giveKudos(deps: FeedbackDeps, principal: Principal, goalId: string, message: string, kudosId?: string): Promise<KudosResult> {
  const goal = (await loadVisibleGoal(deps, principal, goalId)).value;
  if (goal.ownerId === principal.userId) throw new AppError("forbidden", "Kudos are for someone else's goal.");
  if (!THANKABLE.has(goal.status)) throw new AppError("invalid_transition", "Kudos can be given on goals that are under way or finished.");
  const text = message.trim();
  if (!text || text.length > KUDOS_MESSAGE_MAX) {
    throw new AppError("validation_failed", "Write a short message of thanks.", { errors: [{ path: "message", message: `Between 1 and ${KUDOS_MESSAGE_MAX} characters.` }] });
  }
  const kudos: Kudos = { id: kudosId ?? deps.ids.newId(), goalId, fromId: principal.userId, toId: goal.ownerId, message: text, at: deps.clock.now().toISOString() };
  const isApplied = await deps.feedback.addKudos(principal.tenantId, kudos);
  if (isApplied) await deps.feedbackEvents.kudosGiven(principal.tenantId, kudos, goal);
  return { kudos, isApplied };
}

export async function listGoalKudos(deps: FeedbackDeps, principal: Principal, goalId: string): Promise<Kudos[]> {
  await loadVisibleGoal(deps, principal, goalId);
  return deps.feedback.listKudos(principal.tenantId, goalId);
}

async function loadForComments(deps: FeedbackDeps, principal: Principal, goalId: string): Promise<Goal> {
  const goal = (await loadVisibleGoal(deps, principal, goalId)).value;
  if (!(await canSeeAllGoalsOf(deps.directory, principal, goal.ownerId))) {
    throw new AppError("forbidden", "Comments on a goal are for its owner and their managers.");
  }
  return goal;
}

export async function addGoalComment(deps: FeedbackDeps, principal: Principal, goalId: string, text: string): Promise<GoalComment> {
  await loadForComments(deps, principal, goalId);
  const trimmed = text.trim();
  if (!trimmed || trimmed.length > COMMENT_MAX) {
    throw new AppError("validation_failed", "Write a comment.", { errors: [{ path: "text", message: `Between 1 and ${COMMENT_MAX} characters.` }] });
  }
  const comment: GoalComment = { id: deps.ids.newId(), goalId, authorId: principal.userId, text: trimmed, at: deps.clock.now().toISOString() };
  await deps.feedback.addComment(principal.tenantId, comment);
  return comment;
}

export async function listGoalComments(deps: FeedbackDeps, principal: Principal, goalId: string): Promise<GoalComment[]> {
  await loadForComments(deps, principal, goalId);
  return deps.feedback.listComments(principal.tenantId, goalId, COMMENT_LIST_MAX);
}
