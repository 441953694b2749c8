/** Plans the packs of direct reports for a directory update: which packs a change touches, moving
 * people between them, and the has-reports marks that let a subtree walk read only managers. Pure. */
import type { Person } from "../domain/types.js";
import { chunkReports, encodePeople, filedManagerOf, packRowKey, partitionOf, shardOf } from "./org-packing.js";
import { slicesOf, type EntityWrite, type LoadedPack, type LoadedShard, type PersonChange, type StoredRef } from "./org-plan.js";

/** Packs an incremental update must read: the old manager loses the person, the new one gains them,
 * and someone newly filed brings their own pack, whose existence is their has-reports mark. */
export function packsTouchedBy(changes: Map<string, PersonChange>): Set<string> {
  const managers = new Set<string>();
  for (const [id, { before, after }] of changes) {
    const from = before && filedManagerOf(before);
    const to = after && filedManagerOf(after);
    if (from) managers.add(from);
    if (to) managers.add(to);
    if (to && !from) managers.add(id);
  }
  return managers;
}

/** Moves people between the loaded packs and keeps every row's has-reports mark true. Returns the
 * managers whose pack became empty or non-empty: their own row, in their manager's pack, must change. */
export function applyToPacks(packs: Map<string, LoadedPack>, changes: Map<string, PersonChange>): string[] {
  const oldMarks = new Map<string, boolean>();
  for (const [id, { before }] of changes) {
    const from = before && filedManagerOf(before);
    const pack = from ? packs.get(from) : undefined;
    if (!pack) continue;
    oldMarks.set(id, pack.withReports.has(id));
    pack.reports.delete(id);
    pack.withReports.delete(id);
  }
  const filed: Array<[string, LoadedPack]> = [];
  for (const [id, { after }] of changes) {
    const to = after && filedManagerOf(after);
    const pack = to ? packs.get(to) : undefined;
    if (!pack || !after) continue;
    pack.reports.set(id, after);
    filed.push([id, pack]);
  }
  // Marks only once every move is done: a pack may empty and refill within one update.
  const hasReports = (id: string) => (packs.has(id) ? packs.get(id)!.reports.size > 0 : (oldMarks.get(id) ?? false));
  for (const [id, pack] of filed) if (hasReports(id)) pack.withReports.add(id);
  return [...packs.values()].filter((pack) => pack.stored.length > 0 !== pack.reports.size > 0).map((pack) => pack.managerId);
}

/** Sets a manager's has-reports mark in the pack they are filed in. */
export function markManager(pack: LoadedPack, managerId: string, hasReports: boolean): void {
  if (!pack.reports.has(managerId)) return;
  if (hasReports) pack.withReports.add(managerId);
  else pack.withReports.delete(managerId);
}

export interface PackSource {
  loadPacks(managerIds: string[]): Promise<Map<string, LoadedPack>>;
  getPeople(ids: string[]): Promise<Map<string, Person>>;
}

/** Brings the packs an incremental change touches up to date, including the has-reports mark of a
 * manager whose pack became empty or non-empty (that mark lives in their own manager's pack).
 * Returns every pack read; unchanged ones are skipped by their signature when written. */
export async function updatePacks(changes: Map<string, PersonChange>, shards: Map<number, LoadedShard>, source: PackSource): Promise<Map<string, LoadedPack>> {
  const packs = await source.loadPacks([...packsTouchedBy(changes)]);
  const flipped = applyToPacks(packs, changes);
  const unknown = flipped.filter((id) => !shards.has(shardOf(id)));
  const found = unknown.length > 0 ? await source.getPeople(unknown) : new Map<string, Person>();
  const filedUnder = new Map<string, string>();
  for (const id of flipped) {
    const person = shards.get(shardOf(id))?.people.get(id) ?? found.get(id);
    const managerId = person && filedManagerOf(person);
    if (managerId) filedUnder.set(id, managerId);
  }
  const unread = [...new Set(filedUnder.values())].filter((id) => !packs.has(id));
  if (unread.length > 0) for (const [id, pack] of await source.loadPacks(unread)) packs.set(id, pack);
  for (const [id, managerId] of filedUnder) markManager(packs.get(managerId)!, id, packs.get(id)!.reports.size > 0);
  return packs;
}

/** Rewrites a manager's chunks; signatures skip chunks whose content did not change. */
export function planPackWrites(managerId: string, reports: Iterable<Person>, stored: ReadonlyArray<StoredRef | undefined>, withReports: ReadonlySet<string>): EntityWrite[] {
  const partition = partitionOf(managerId);
  const chunks = chunkReports([...reports]);
  const writes: EntityWrite[] = [];
  chunks.forEach((chunk, index) => {
    const encoded = encodePeople(chunk, withReports);
    const sig = index === 0 ? `${encoded.sig}/${chunks.length}` : encoded.sig;
    const props = index === 0 ? { ...encoded.props, sig, chunks: chunks.length } : encoded.props;
    const previous = stored[index];
    if (previous?.sig !== sig) writes.push({ partition, rowKey: packRowKey(managerId, index), props, etag: previous?.etag ?? null, ...slicesOf(previous) });
  });
  for (let index = chunks.length; index < stored.length; index++) {
    const previous = stored[index];
    if (previous) writes.push({ partition, rowKey: previous.rowKey, props: null, etag: previous.etag });
  }
  return writes;
}

/** With everyone in memory: the packs to rewrite are those a change touches, plus the pack holding
 * any manager whose own pack appears or disappears (their has-reports mark lives there). */
export function widenForMarks(touched: Iterable<string>, hadPack: (id: string) => boolean, hasPack: (id: string) => boolean, personOf: (id: string) => Person | undefined): Set<string> {
  const managers = new Set(touched);
  for (const id of [...managers]) {
    if (hadPack(id) === hasPack(id)) continue;
    const person = personOf(id);
    const filedUnder = person && filedManagerOf(person);
    if (filedUnder) managers.add(filedUnder);
  }
  return managers;
}

/** Groups everyone by the manager they are filed under, for a complete rewrite of the packs. */
export function groupReports(people: Iterable<Person>): Map<string, Person[]> {
  const byManager = new Map<string, Person[]>();
  for (const person of people) {
    const managerId = filedManagerOf(person);
    if (!managerId) continue;
    const list = byManager.get(managerId);
    if (list) list.push(person);
    else byManager.set(managerId, [person]);
  }
  return byManager;
}

/** The manager id and chunk number of a pack row key. */
export function parsePackRowKey(rowKey: string): { managerId: string; chunk: number } {
  const bar = rowKey.lastIndexOf("|");
  return bar < 0 ? { managerId: rowKey, chunk: 0 } : { managerId: rowKey.slice(0, bar), chunk: Number(rowKey.slice(bar + 1)) };
}
