/** Org chart reads: anyone in the tenant may read profile fields of anyone in it. Goal data is not
 * part of these answers; the cascade views apply the goal rules. */
import { assertAdmin, type PolicyPort } from "./admin.js";
import { AppError, notFound } from "./errors.js";
import { canSetTopLevel, isAdmin } from "./goal-access.js";
import type { DirectoryReader } from "./ports.js";
import type { Person, Principal } from "./types.js";
import type { DirectoryPerson, Me, PersonProfile, PersonSummary as PersonRef, ReportEntry } from "../contracts/index.js";
import { idSchema } from "../contracts/common.js";

const toRef = (p: Person): PersonRef => ({ id: p.id, displayName: p.displayName, jobTitle: p.jobTitle });

/** "me" is the caller; "top" is the top of the caller's management chain. */
export async function resolvePersonId(directory: DirectoryReader, principal: Principal, requested: string): Promise<string> {
  if (requested === "me") return principal.userId;
  if (requested !== "top") return requested;
  const chain = await directory.getManagerChain(principal.tenantId, principal.userId);
  return chain.at(-1)?.id ?? principal.userId;
}

async function loadPerson(directory: DirectoryReader, tenantId: string, personId: string): Promise<Person> {
  const person = await directory.getPerson(tenantId, personId);
  if (!person) throw notFound("The person");
  return person;
}

export async function getPersonProfile(directory: DirectoryReader, principal: Principal, personId: string): Promise<PersonProfile> {
  const person = await loadPerson(directory, principal.tenantId, personId);
  const [chain, reports] = await Promise.all([directory.getManagerChain(principal.tenantId, person.id), directory.listDirectReports(principal.tenantId, person.id)]);
  return {
    ...toRef(person),
    mail: person.mail,
    department: person.department,
    managerId: person.managerId,
    isEnabled: person.accountEnabled,
    manager: chain[0] ? toRef(chain[0]) : null,
    managerChain: chain.map(toRef),
    reportsCount: reports.length,
  };
}

function toEntry(p: Person, level: number): ReportEntry {
  return { ...toRef(p), mail: p.mail, department: p.department, managerId: p.managerId, isEnabled: p.accountEnabled, level };
}

/** Direct reports, or everyone below (parents before their reports). */
export async function listReports(directory: DirectoryReader, principal: Principal, personId: string, isWholeSubtree: boolean): Promise<ReportEntry[]> {
  const person = await loadPerson(directory, principal.tenantId, personId);
  if (!isWholeSubtree) return (await directory.listDirectReports(principal.tenantId, person.id)).map((p) => toEntry(p, 1));
  const below = await directory.listSubtree(principal.tenantId, person.id);
  const level = new Map([[person.id, 0]]);
  return below.map((p) => {
    const depth = (level.get(p.managerId ?? "") ?? 0) + 1;
    level.set(p.id, depth);
    return toEntry(p, depth);
  });
}

/** The caller as the tab greets them: profile, manager, how many report to them, and what they may do. */
export async function describeMe(directory: DirectoryReader, policies: Pick<PolicyPort, "getPolicy">, principal: Principal): Promise<Me> {
  const { tenantId, userId } = principal;
  const [person, reports, policy] = await Promise.all([directory.getPerson(tenantId, userId), directory.listDirectReports(tenantId, userId), policies.getPolicy(tenantId)]);
  const manager = person?.managerId ? await directory.getPerson(tenantId, person.managerId) : null;
  return {
    id: userId,
    tenantId,
    displayName: person?.displayName ?? principal.name,
    jobTitle: person?.jobTitle ?? null,
    department: person?.department ?? null,
    mail: person?.mail ?? null,
    isInDirectory: person !== null,
    manager: manager ? { id: manager.id, displayName: manager.displayName, jobTitle: manager.jobTitle } : null,
    reportsCount: reports.length,
    roles: principal.roles,
    isAdmin: isAdmin(principal),
    canSetTopLevel: await canSetTopLevel(directory, principal, policy),
  };
}

/** Most people one admin search answers with. */
export const MAX_SEARCH_RESULTS = 20;

function toDirectoryPerson(person: Person): DirectoryPerson {
  return { id: person.id, displayName: person.displayName, jobTitle: person.jobTitle, department: person.department, mail: person.mail, isEnabled: person.accountEnabled };
}

/** Every word appears in the name, mail, job title or department. */
export function matchesQuery(person: Person, words: string[]): boolean {
  const text = [person.displayName, person.mail ?? "", person.jobTitle ?? "", person.department ?? ""].join(" ").toLowerCase();
  return words.every((word) => text.includes(word));
}

export interface PeopleSearchDeps {
  directory: Pick<DirectoryReader, "getPerson">;
  listPeople(tenantId: string): AsyncIterable<Person>;
}

/** Admins find people by object id, or by words of their name, mail, title or department: for
 * choosing organisation-goal owners and whose data to erase. */
export async function searchPeople(deps: PeopleSearchDeps, principal: Principal, query: string): Promise<DirectoryPerson[]> {
  assertAdmin(principal, "search the directory");
  const text = query.trim();
  if (text.length < 2 || text.length > 100) throw new AppError("validation_failed", "Type at least two characters.", { errors: [{ path: "q", message: "Between 2 and 100 characters." }] });
  if (idSchema.safeParse(text).success) {
    const exact = await deps.directory.getPerson(principal.tenantId, text);
    if (exact) return [toDirectoryPerson(exact)];
  }
  const words = text.toLowerCase().split(/\s+/);
  const found: Person[] = [];
  for await (const person of deps.listPeople(principal.tenantId)) {
    if (matchesQuery(person, words)) found.push(person);
    if (found.length >= MAX_SEARCH_RESULTS) break;
  }
  return found.sort((a, b) => a.displayName.localeCompare(b.displayName)).map(toDirectoryPerson);
}
