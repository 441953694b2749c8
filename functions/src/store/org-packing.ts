/** How the org chart is laid out in Table Storage, as pure functions (no SDK).
 * People are packed into hash shards (a point read finds anyone by id) and each manager's direct
 * reports are packed into one entity (a team renders from one read). Only directory updates (the
 * sync, demo seeding, erasure) write these, so coarse entities cost little contention, and they cut
 * a 100k-person sync from ~200k entity writes to ~17k. */
import type { Person } from "../domain/types.js";

export const SHARD_COUNT = 4096;
export const PARTITION_COUNT = 64;
/** Keeps a pack chunk (~300 chars a person) well under the 1 MiB entity limit. */
export const PACK_CHUNK_PEOPLE = 1000;
/** Table Storage caps a string property at 32K characters. */
const SLICE_CHARS = 30_000;

type Row = [id: string, displayName: string, mail: string | null, jobTitle: string | null, department: string | null, managerId: string | null, isEnabled: 0 | 1, updatedAt: string, hasReports?: 0 | 1 | null, preferredLanguage?: string | null, userPrincipalName?: string];

/** FNV-1a: stable across runtimes and spreads GUIDs and arbitrary ids alike. */
export function hashText(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function shardOf(personId: string): number {
  return hashText(personId) % SHARD_COUNT;
}

/** A person's shard and their pack of reports share a partition number. */
export function partitionOf(personId: string): number {
  return shardOf(personId) % PARTITION_COUNT;
}

export function shardRowKey(shard: number): string {
  return `s${shard.toString(16).padStart(3, "0")}`;
}

/** A large tenant's shard is stored as this many rows, so a small update rewrites only the rows of
 * the people it changes. The shard's own row key stays the prefix: `s123` holds a whole shard,
 * `s123.4` one sub-shard, and a read of the key range `s123`…`s123/` finds either. */
export const SUB_SHARDS = 16;
/** Tenants with more people than this are written in sub-shards (about 18 people a row at 300k). */
export const SPLIT_ABOVE_PEOPLE = 300_000;

/** The hash bits above the shard's, so sub-shards spread evenly within a shard. */
export function subShardOf(personId: string): number {
  return (hashText(personId) >>> 12) % SUB_SHARDS;
}

export function subShardRowKey(shard: number, sub: number): string {
  return `${shardRowKey(shard)}.${sub.toString(16)}`;
}

/** The end (exclusive) of a shard's row-key range: '/' sorts just after '.' and before any digit. */
export function shardRangeEnd(shard: number): string {
  return `${shardRowKey(shard)}/`;
}

/** The shard and sub-shard (null for a whole shard's row) a people row key names; null for other rows. */
export function parseShardRowKey(rowKey: string): { shard: number; sub: number | null } | null {
  const match = /^s([0-9a-f]{3})(?:\.([0-9a-f]))?$/.exec(rowKey);
  if (!match) return null;
  return { shard: parseInt(match[1]!, 16), sub: match[2] === undefined ? null : parseInt(match[2], 16) };
}

export function partitionName(partition: number): string {
  return `p${partition.toString(16).padStart(2, "0")}`;
}

function toRow(p: Person, withReports: ReadonlySet<string> | undefined): Row {
  const row: Row = [p.id, p.displayName, p.mail, p.jobTitle, p.department, p.managerId, p.accountEnabled ? 1 : 0, p.updatedAt];
  if (withReports) row.push(withReports.has(p.id) ? 1 : 0);
  // Most people have no preferred language set; their rows stay as short as before.
  if (p.preferredLanguage || p.userPrincipalName) {
    if (row.length === 8) row.push(null);
    row.push(p.preferredLanguage || null);
  }
  if (p.userPrincipalName) row.push(p.userPrincipalName);
  return row;
}

function fromRow(r: Row): Person {
  const person: Person = { id: r[0], displayName: r[1], mail: r[2], jobTitle: r[3], department: r[4], managerId: r[5], accountEnabled: r[6] === 1, updatedAt: r[7] };
  if (typeof r[9] === "string") person.preferredLanguage = r[9];
  if (typeof r[10] === "string") person.userPrincipalName = r[10];
  return person;
}

export interface EncodedPeople {
  props: Record<string, string | number>;
  sig: string;
}

const byId = (a: Person, b: Person) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Serialises people (sorted by id, so equal sets give equal signatures) into string slices. In a
 * pack, each row also says whether that person has reports, so a subtree walk reads only managers. */
export function encodePeople(people: Person[], withReports?: ReadonlySet<string>): EncodedPeople {
  const sorted = [...people].sort(byId);
  const json = JSON.stringify(sorted.map((p) => toRow(p, withReports)));
  const sig = `${hashText(json).toString(16)}-${json.length.toString(16)}`;
  const props: Record<string, string | number> = { n: sorted.length, sig };
  for (let i = 0, k = 0; i < json.length; i += SLICE_CHARS, k++) props[`d${k}`] = json.slice(i, i + SLICE_CHARS);
  return { props, sig };
}

/** The data slices a row holds, `d0` onwards. An empty slice adds nothing to the content: a rewrite
 * that merges into a row empties the slices its content no longer fills. */
export function sliceCount(entity: Record<string, unknown>): number {
  let k = 0;
  while (typeof entity[`d${k}`] === "string") k++;
  return k;
}

function readRows(entity: Record<string, unknown>): Row[] {
  let json = "";
  for (let k = 0, count = sliceCount(entity); k < count; k++) json += entity[`d${k}`] as string;
  return json ? (JSON.parse(json) as Row[]) : [];
}

export function decodePeople(entity: Record<string, unknown>): Person[] {
  return readRows(entity).map(fromRow);
}

export function decodeMembers(entity: Record<string, unknown>): { people: Person[]; withReports: Set<string> } {
  const rows = readRows(entity);
  return { people: rows.map(fromRow), withReports: new Set(rows.filter((r) => r[8] === 1).map((r) => r[0])) };
}

export type PersonFields = Omit<Person, "id" | "updatedAt">;

/** A partial update from the directory source; absent fields keep their stored value. */
export interface PersonPatch {
  id: string;
  fields: Partial<PersonFields>;
  /** When the change happened, if the writer knows; otherwise the time it is applied. */
  updatedAt?: string;
}

const EMPTY_FIELDS: PersonFields = { displayName: "", mail: null, jobTitle: null, department: null, managerId: null, accountEnabled: true, preferredLanguage: null, userPrincipalName: null };

export function isSamePerson(a: Person, b: Person): boolean {
  return (
    a.id === b.id &&
    a.displayName === b.displayName &&
    a.mail === b.mail &&
    a.jobTitle === b.jobTitle &&
    a.department === b.department &&
    a.managerId === b.managerId &&
    a.accountEnabled === b.accountEnabled &&
    (a.preferredLanguage ?? null) === (b.preferredLanguage ?? null) &&
    (a.userPrincipalName ?? null) === (b.userPrincipalName ?? null)
  );
}

/** The person after the patch; an unchanged person keeps its updatedAt. */
export function applyPatch(before: Person | null, patch: PersonPatch, now: string): Person {
  if (!before) return newPerson(patch, now);
  const base: Person = before ?? { id: patch.id, ...EMPTY_FIELDS, updatedAt: now };
  const next: Person = { ...base, ...stripUndefined(patch.fields), id: patch.id, updatedAt: patch.updatedAt ?? now };
  return before && isSamePerson(before, next) ? before : next;
}

const FIELD_NAMES = Object.keys(EMPTY_FIELDS) as Array<keyof PersonFields>;

/** Someone not stored yet, built in one literal with the fields in the order a patched person has
 * them: a first sync holds a million of these, and one shape keeps each one small. */
function newPerson(patch: PersonPatch, now: string): Person {
  const fields = patch.fields;
  const pick = <K extends keyof PersonFields>(key: K): PersonFields[K] => (fields[key] !== undefined ? (fields[key] as PersonFields[K]) : EMPTY_FIELDS[key]);
  return {
    id: patch.id,
    displayName: pick("displayName"),
    mail: pick("mail"),
    jobTitle: pick("jobTitle"),
    department: pick("department"),
    managerId: pick("managerId"),
    accountEnabled: pick("accountEnabled"),
    preferredLanguage: pick("preferredLanguage"),
    userPrincipalName: pick("userPrincipalName"),
    updatedAt: patch.updatedAt ?? now,
  };
}

function stripUndefined(fields: Partial<PersonFields>): Partial<PersonFields> {
  const out: Record<string, unknown> = {};
  for (const key of FIELD_NAMES) if (fields[key] !== undefined) out[key] = fields[key];
  return out as Partial<PersonFields>;
}

export function toPatch(person: Person): PersonPatch {
  const { id, updatedAt, ...fields } = person;
  return { id, fields, updatedAt };
}

/** The manager a person is filed under, or null for roots; a self-manager is a root. */
export function filedManagerOf(person: Person): string | null {
  return person.managerId && person.managerId !== person.id ? person.managerId : null;
}

/** Splits a manager's reports into chunks, in id order, so rewriting a pack is deterministic. */
export function chunkReports(reports: Person[]): Person[][] {
  const sorted = [...reports].sort(byId);
  const chunks: Person[][] = [];
  for (let i = 0; i < sorted.length; i += PACK_CHUNK_PEOPLE) chunks.push(sorted.slice(i, i + PACK_CHUNK_PEOPLE));
  return chunks;
}

export function packRowKey(managerId: string, chunk: number): string {
  return chunk === 0 ? managerId : `${managerId}|${chunk}`;
}
