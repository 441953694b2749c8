/** Org chart reads: anyone in the tenant may read profile fields of anyone in it. Goal data is not
 * part of these answers; the cascade views apply the goal rules. */
import { assertAdmin, type PolicyPort } from "./admin.js";
import { AppError, notFound } from "./errors.js";
import { canSetTopLevel, isAdmin } from "./goal-access.js";
import type { DirectoryReader } from "./ports.js";
import type { Person, Principal } from "./types.js";
import type { DirectoryPerson, Me, PersonProfile, PersonSummary as PersonRef, ReportEntry } from "../contracts/index.js";
import { idSchema, type Page } from "../contracts/common.js";
import { MAX_ORG_DEPTH, walkSubtreePage, type SubtreePosition } from "./org-walk.js";

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

/** People in one page of everyone below someone: by default, and at most. */
export const REPORTS_PAGE_DEFAULT = 200;
export const REPORTS_PAGE_MAX = 500;
/** A cursor holds the path from the person listed down to where the page stopped. */
export const REPORTS_CURSOR_MAX_CHARS = 16_384;

const badCursor = () => new AppError("validation_failed", "The cursor is not one this listing handed out.", { errors: [{ path: "cursor", message: "Not a valid cursor." }] });

function encodePosition(position: SubtreePosition): string {
  return Buffer.from(JSON.stringify(position), "utf8").toString("base64url");
}

function decodePosition(cursor: string): SubtreePosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw badCursor();
  }
  const isStep = (step: unknown) => Array.isArray(step) && step.length === 2 && idSchema.safeParse(step[0]).success && Number.isInteger(step[1]) && (step[1] as number) >= 0;
  if (!Array.isArray(parsed) || parsed.length === 0 || parsed.length > MAX_ORG_DEPTH || !parsed.every(isStep)) throw badCursor();
  return parsed as SubtreePosition;
}

/** Direct reports (one answer), or everyone below, each manager before their reports and reports by
 * name, a page at a time: a page reads the teams on the path to where the one before stopped and those
 * of the managers it lists, so no request reads the whole of a large subtree. */
export async function listReports(directory: DirectoryReader, principal: Principal, personId: string, request: { isWholeSubtree: boolean; limit: number; cursor: string | null }): Promise<Page<ReportEntry>> {
  const person = await loadPerson(directory, principal.tenantId, personId);
  if (!request.isWholeSubtree) return { items: (await directory.listDirectReports(principal.tenantId, person.id)).map((p) => toEntry(p, 1)), nextCursor: null };
  const from = request.cursor === null ? null : decodePosition(request.cursor);
  const page = await walkSubtreePage(person.id, from, request.limit, (ids) => directory.listTeams(principal.tenantId, ids));
  if (!page) throw new AppError("conflict", "The org chart changed since this listing began, or the cursor belongs to another listing: list again from the start.", { errors: [{ path: "cursor", message: "No longer continues this listing." }] });
  return { items: page.people.map(({ person: p, level }) => toEntry(p, level)), nextCursor: page.next ? encodePosition(page.next) : null };
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
