/** Org chart reads: anyone in the tenant may read profile fields of anyone in it. Goal data is not
 * part of these answers; the cascade views apply the goal rules. */
import { notFound } from "./errors.js";
import type { DirectoryReader } from "./ports.js";
import type { Person, Principal } from "./types.js";
import type { PersonProfile, PersonSummary as PersonRef, ReportEntry } from "../contracts/index.js";

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
