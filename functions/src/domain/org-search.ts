/** GET /api/org/{personId}/search: finds people (by name, job title or department) and goals of one
 * cycle (by title) anywhere in a person's subtree, for the Organisation tree, whose answers hold only
 * the levels they return. Anyone in the tenant may search, as anyone may look at the cascade; a private
 * goal is found only by those the cascade shows it to (the owner and the owner's managers, when the
 * search starts at or below someone they manage).
 * Reads are bounded whatever the size of the subtree:
 * - who is in the subtree: its teams, walked while that takes at most MAX_PACK_READS reads, else the
 *   directory's people shards read whole (a fixed number of queries, whatever the size of the tenant);
 * - the root's own goals (first page only), and the cascade index of at most MAX_TEAMS_PER_PAGE
 *   managers of the subtree per page, breadth first, until PAGE_SIZE goals were found; the
 *   continuation names the next manager to read. */
import { summariseGoal, type CascadeDeps, type GoalSummary } from "./cascade-ports.js";
import { AppError, notFound } from "./errors.js";
import { isInManagementChain } from "./goal-access.js";
import { MAX_ORG_DEPTH } from "./org-walk.js";
import { resolveCycle } from "./team-goals.js";
import type { Person, Principal } from "./types.js";
import type { OrgPathStep, OrgSearch, OrgSearchGoal, OrgSearchPerson } from "../contracts/views.js";

/** People listed at most, and goals found before a page stops reading further teams. */
export const SEARCH_PAGE_SIZE = 20;
/** Teams (cascade index partitions) one page reads at most. */
export const MAX_TEAMS_PER_PAGE = 16;
export const MIN_QUERY_LENGTH = 2;
export const MAX_QUERY_LENGTH = 100;

export interface OrgSearchDeps extends CascadeDeps {
  listPeople(tenantId: string): AsyncIterable<Person>;
  /** Everyone below the manager, or null when that takes more than `maxPacks` team reads. */
  listSubtreeWithin(tenantId: string, managerId: string, maxPacks: number): Promise<Person[] | null>;
}

/** Team reads a search spends walking the subtree before it reads the whole directory instead. */
export const MAX_PACK_READS = 64;

export interface OrgSearchQuery {
  q: string;
  cycleId: string | null;
  continuation: string | null;
}

const fold = (text: string) => text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();

/** The words searched, or a validation problem. */
export function parseSearchWords(q: string): string[] {
  const text = q.trim();
  if (text.length < MIN_QUERY_LENGTH || text.length > MAX_QUERY_LENGTH) {
    throw new AppError("validation_failed", `Search for ${MIN_QUERY_LENGTH} to ${MAX_QUERY_LENGTH} characters.`, { errors: [{ path: "q", message: `Between ${MIN_QUERY_LENGTH} and ${MAX_QUERY_LENGTH} characters.` }] });
  }
  return fold(text).split(/\s+/).filter(Boolean);
}

/** The index of the next manager whose team to read; 0 for the first page. */
export function parseContinuation(raw: string | null): number {
  if (raw === null) return 0;
  if (!/^\d{1,7}$/.test(raw)) throw new AppError("validation_failed", "continuation is not one this search handed out.", { errors: [{ path: "continuation", message: "Not a valid continuation." }] });
  return Number(raw);
}

const matchesAll = (text: string, words: string[]) => {
  const folded = fold(text);
  return words.every((word) => folded.includes(word));
};

interface Subtree {
  /** Everyone in the subtree, the root first, parents before their reports. */
  order: Person[];
  byId: Map<string, Person>;
  /** Managers of the subtree (the root included), breadth first: one cascade index partition each. */
  managers: string[];
  /** Who sees private goals: everyone here when the viewer manages the root, else the viewer's own branch. */
  managed: Set<string>;
}

async function* toAsync<T>(items: T[]): AsyncIterable<T> {
  yield* items;
}

async function readSubtree(deps: OrgSearchDeps, tenantId: string, root: Person, viewerId: string): Promise<Subtree> {
  // A subtree of up to MAX_PACK_READS managers is walked team by team; a larger one is found in the
  // whole directory, read in a fixed number of queries.
  const below = await deps.listSubtreeWithin(tenantId, root.id, MAX_PACK_READS);
  const everyone = new Map<string, Person>();
  const reportsOf = new Map<string, Person[]>();
  for await (const person of below ? toAsync([root, ...below]) : deps.listPeople(tenantId)) {
    everyone.set(person.id, person);
    if (!person.managerId || person.managerId === person.id) continue;
    const list = reportsOf.get(person.managerId);
    if (list) list.push(person);
    else reportsOf.set(person.managerId, [person]);
  }
  const byName = (a: Person, b: Person) => a.displayName.localeCompare(b.displayName) || (a.id < b.id ? -1 : 1);
  const order: Person[] = [];
  const byId = new Map<string, Person>();
  const depthOf = new Map([[root.id, 0]]);
  for (let queue = [root]; queue.length > 0; ) {
    const person = queue.shift()!;
    if (byId.has(person.id)) continue;
    byId.set(person.id, person);
    order.push(person);
    const depth = depthOf.get(person.id)!;
    if (depth >= MAX_ORG_DEPTH) continue;
    for (const report of [...(reportsOf.get(person.id) ?? [])].sort(byName)) {
      if (byId.has(report.id)) continue;
      depthOf.set(report.id, depth + 1);
      queue.push(report);
    }
  }
  const managers = order.filter((p) => (reportsOf.get(p.id) ?? []).some((r) => byId.has(r.id) && r.id !== root.id)).map((p) => p.id);
  // The viewer manages the root when they are the root or anyone above it.
  const managesRoot = viewerId === root.id || (await isInManagementChain(deps.directory, tenantId, viewerId, root.id));
  let managed: Set<string>;
  if (managesRoot) managed = new Set(byId.keys());
  else {
    managed = new Set();
    if (byId.has(viewerId)) {
      for (let queue = [viewerId]; queue.length > 0; ) {
        const id = queue.shift()!;
        if (managed.has(id)) continue;
        managed.add(id);
        queue.push(...(reportsOf.get(id) ?? []).filter((r) => byId.has(r.id)).map((r) => r.id));
      }
    }
  }
  return { order, byId, managers, managed };
}

/** From the root down to `managerId`, both included; empty for the root's own matches. */
function pathDownTo(subtree: Subtree, rootId: string, managerId: string | null): OrgPathStep[] {
  const path: OrgPathStep[] = [];
  const seen = new Set<string>();
  for (let id = managerId; id && !seen.has(id); id = id === rootId ? null : (subtree.byId.get(id)?.managerId ?? null)) {
    seen.add(id);
    const person = subtree.byId.get(id);
    if (!person) return [];
    path.unshift({ id: person.id, displayName: person.displayName });
  }
  return path;
}

function findPeople(subtree: Subtree, rootId: string, words: string[]): { people: OrgSearchPerson[]; hasMore: boolean } {
  const found = subtree.order.filter((p) => matchesAll([p.displayName, p.jobTitle ?? "", p.department ?? ""].join(" "), words));
  const people = found.slice(0, SEARCH_PAGE_SIZE).map((p) => ({
    person: { id: p.id, displayName: p.displayName, jobTitle: p.jobTitle, department: p.department, isEnabled: p.accountEnabled },
    path: p.id === rootId ? [] : pathDownTo(subtree, rootId, p.managerId),
  }));
  return { people, hasMore: found.length > SEARCH_PAGE_SIZE };
}

export async function searchOrg(deps: OrgSearchDeps, principal: Principal, personId: string, query: OrgSearchQuery): Promise<OrgSearch> {
  const words = parseSearchWords(query.q);
  const offset = parseContinuation(query.continuation);
  const { tenantId } = principal;
  const root = await deps.directory.getPerson(tenantId, personId);
  if (!root) throw notFound("The person");
  const cycle = await resolveCycle(deps, tenantId, query.cycleId, deps.clock.now());
  const subtree = await readSubtree(deps, tenantId, root, principal.userId);
  const isFirstPage = offset === 0;
  const people = isFirstPage ? findPeople(subtree, root.id, words) : { people: [], hasMore: false };

  const goals: OrgSearchGoal[] = [];
  const take = (row: GoalSummary, managerId: string | null, isManaged: boolean) => {
    if (!matchesAll(row.title, words)) return;
    if (row.visibility !== "public" && !isManaged) return;
    goals.push({ id: row.id, title: row.title, status: row.status, ownerId: row.ownerId, ownerName: row.ownerName, path: managerId === null ? [] : pathDownTo(subtree, root.id, managerId) });
  };
  if (isFirstPage) for (const own of await deps.goals.listGoalsByOwner(tenantId, root.id, { cycleId: cycle.id })) take(summariseGoal(own.value, root.displayName), null, subtree.managed.has(root.id));
  let next = offset;
  let reads = 0;
  while (next < subtree.managers.length && reads < MAX_TEAMS_PER_PAGE && goals.length < SEARCH_PAGE_SIZE) {
    // A few teams at once; the page stops once enough goals were found.
    const batch = subtree.managers.slice(next, next + Math.min(4, MAX_TEAMS_PER_PAGE - reads));
    const rows = await Promise.all(batch.map((managerId) => deps.cascadeIndex.listGoalsPlacedUnder(tenantId, cycle.id, managerId)));
    const leavers: Array<{ row: GoalSummary; managerId: string }> = [];
    batch.forEach((managerId, i) => {
      for (const row of rows[i]!) {
        if (row.ownerId === root.id) continue;
        const owner = subtree.byId.get(row.ownerId);
        if (owner) {
          // A row left where the owner was before a move that is still settling is not theirs to show here.
          if (owner.managerId === managerId) take(row, managerId, subtree.managed.has(row.ownerId));
          continue;
        }
        if (matchesAll(row.title, words)) leavers.push({ row, managerId });
      }
    });
    // Someone no longer in the directory: their goals stay under their former manager, seen as part of
    // that manager's branch. An owner still in the directory elsewhere is a move still settling.
    if (leavers.length > 0) {
      const stillThere = await deps.people.getPeople(tenantId, new Set(leavers.map((l) => l.row.ownerId)));
      for (const { row, managerId } of leavers) if (!stillThere.has(row.ownerId)) take(row, managerId, subtree.managed.has(managerId));
    }
    next += batch.length;
    reads += batch.length;
  }
  return {
    rootId: root.id,
    cycle: { id: cycle.id, name: cycle.name, startDate: cycle.startDate, endDate: cycle.endDate },
    query: query.q.trim(),
    people: people.people,
    hasMorePeople: people.hasMore,
    goals,
    continuation: next < subtree.managers.length ? String(next) : null,
  };
}
