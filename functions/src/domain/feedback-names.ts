/** Kudos and comments go out with the names of the people in them, so a reader does not look each
 * person up. Someone no longer in the directory is named null: their words stay, their name goes. */
import type { GoalComment, Kudos } from "./feedback.js";
import type { DirectoryReader } from "./ports.js";

export interface NamedKudos extends Kudos {
  fromName: string | null;
  toName: string | null;
}

export interface NamedComment extends GoalComment {
  authorName: string | null;
}

/** One read per distinct person, side by side: a goal's feedback comes from a handful of people. */
async function lookUpNames(directory: DirectoryReader, tenantId: string, personIds: string[]): Promise<Map<string, string | null>> {
  const distinct = [...new Set(personIds)];
  const people = await Promise.all(distinct.map((id) => directory.getPerson(tenantId, id)));
  return new Map(distinct.map((id, index) => [id, people[index]?.displayName ?? null]));
}

export async function nameKudos(directory: DirectoryReader, tenantId: string, items: Kudos[]): Promise<NamedKudos[]> {
  const names = await lookUpNames(directory, tenantId, items.flatMap((item) => [item.fromId, item.toId]));
  return items.map((item) => ({ ...item, fromName: names.get(item.fromId) ?? null, toName: names.get(item.toId) ?? null }));
}

export async function nameComments(directory: DirectoryReader, tenantId: string, items: GoalComment[]): Promise<NamedComment[]> {
  const names = await lookUpNames(directory, tenantId, items.map((item) => item.authorId));
  return items.map((item) => ({ ...item, authorName: names.get(item.authorId) ?? null }));
}
