/** Kudos and comments go out with the names of the people in them, so a reader does not look each
 * person up. Someone no longer in the directory is named null: their words stay, their name goes. */
import type { GoalComment, Kudos, NamedComment, NamedKudos } from "../contracts/feedback.js";
import type { PeopleLookup } from "./cascade-ports.js";

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
