/** Kudos and comments go out with the names of the people in them, so a reader does not look each
 * person up. Someone no longer in the directory is named null: their words stay, their name goes. */
import type { GoalComment, Kudos, NamedComment, NamedKudos } from "../contracts/feedback.js";
import type { PeopleLookup } from "./cascade-ports.js";
import { addGoalComment, giveKudos, listGoalComments, listGoalKudos, type FeedbackDeps } from "./feedback.js";
import type { Principal } from "./types.js";

async function lookUpNames(people: PeopleLookup, tenantId: string, personIds: string[]): Promise<Map<string, string>> {
  const found = await people.getPeople(tenantId, new Set(personIds));
  return new Map([...found].map(([id, person]) => [id, person.displayName]));
}

export async function nameKudos(people: PeopleLookup, tenantId: string, items: Kudos[]): Promise<NamedKudos[]> {
  const names = await lookUpNames(people, tenantId, items.flatMap((item) => [item.fromId, item.toId]));
  return items.map((item) => ({ ...item, fromName: names.get(item.fromId) ?? null, toName: names.get(item.toId) ?? null }));
}

export async function nameComments(people: PeopleLookup, tenantId: string, items: GoalComment[]): Promise<NamedComment[]> {
  const names = await lookUpNames(people, tenantId, items.map((item) => item.authorId));
  return items.map((item) => ({ ...item, authorName: names.get(item.authorId) ?? null }));
}

/** What the feedback routes need: the feedback rules and a way to name people. */
export interface NamedFeedbackDeps {
  feedback: FeedbackDeps;
  people: PeopleLookup;
}

export async function listNamedKudos(deps: NamedFeedbackDeps, principal: Principal, goalId: string): Promise<NamedKudos[]> {
  return nameKudos(deps.people, principal.tenantId, await listGoalKudos(deps.feedback, principal, goalId));
}

export async function giveNamedKudos(deps: NamedFeedbackDeps, principal: Principal, goalId: string, message: string): Promise<NamedKudos> {
  const { kudos } = await giveKudos(deps.feedback, principal, goalId, message);
  const [named] = await nameKudos(deps.people, principal.tenantId, [kudos]);
  return named!;
}

export async function listNamedComments(deps: NamedFeedbackDeps, principal: Principal, goalId: string): Promise<NamedComment[]> {
  return nameComments(deps.people, principal.tenantId, await listGoalComments(deps.feedback, principal, goalId));
}

export async function addNamedComment(deps: NamedFeedbackDeps, principal: Principal, goalId: string, text: string): Promise<NamedComment> {
  const comment = await addGoalComment(deps.feedback, principal, goalId, text);
  const [named] = await nameComments(deps.people, principal.tenantId, [comment]);
  return named!;
}
