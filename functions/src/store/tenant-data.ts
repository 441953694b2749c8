/** The contract every table that holds tenant data signs: how its rows are exported, and how one
 * person is erased from it. The registry (tenant-data-registry.ts) lists the stores; a test fails
 * when a table exists that no store has claimed, so a new store cannot be forgotten. */
import type { TableClient, TableEntityResult } from "@azure/data-tables";
import type { EraseCounts, ErasureContext, PersonEraser } from "../domain/erasure.js";
import { isNotFound, prefixUpperBound, quoteOData } from "./tables.js";

export type { EraseCounts, ErasureContext };

/** Stands in for an erased person wherever a record of someone else must keep an author. */
export const ERASED_PERSON_ID = "erased-person";
export const ERASED_NAME = "(erased person)";

/** One exported record and the section it belongs in, e.g. "goals". */
export interface ExportRecord {
  section: string;
  record: unknown;
}

export interface ExportSource {
  table: string;
  /** Records for one stored row; none for rows that are not part of the export. */
  toRecords(entity: StoredEntity): ExportRecord[];
}

export interface TenantDataStore extends PersonEraser {
  /** Every table the store writes. Each must be exported or declared derived. */
  readonly tables: readonly string[];
  readonly exports: readonly ExportSource[];
  /** Tables rebuilt from others (indexes, caches) or operational bookkeeping, with the reason. */
  readonly derived: Readonly<Record<string, string>>;
}

export type StoredEntity = TableEntityResult<Record<string, unknown>>;

/** Every key in every table starts with the tenant id, alone or followed by "|". */
export function tenantFilter(tenantId: string): string {
  return `PartitionKey eq ${quoteOData(tenantId)} or (PartitionKey ge ${quoteOData(`${tenantId}|`)} and PartitionKey lt ${quoteOData(prefixUpperBound(`${tenantId}|`))})`;
}

const MAX_KEY_CHARS = 1024;
/** Storage hands out the next keys as opaque tokens (base64 in Azurite, "1!8!…" in Azure). */
const OPAQUE_KEY = /^[A-Za-z0-9!*_.~+/=-]{1,1024}$/;

/** True when the text is a storage continuation token exactly as the Tables SDK writes one: base64 of
 * {nextPartitionKey, nextRowKey?} holding opaque keys. A token from a client is checked with this
 * before the SDK sees it, because the SDK parses it without checks and fails on garbage. The query
 * that resumes from it still filters by tenant, so a token can only skip within the tenant's rows. */
export function isContinuationToken(text: string): boolean {
  if (text.length > 4 * MAX_KEY_CHARS) return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64").toString("utf8"));
  } catch {
    return false;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return false;
  const { nextPartitionKey, nextRowKey, ...rest } = parsed as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || typeof nextPartitionKey !== "string" || !OPAQUE_KEY.test(nextPartitionKey)) return false;
  if (nextRowKey !== undefined && (typeof nextRowKey !== "string" || !OPAQUE_KEY.test(nextRowKey))) return false;
  // Only the SDK's own encoding of those keys: anything else is not a token it made.
  return Buffer.from(JSON.stringify({ nextPartitionKey, ...(nextRowKey ? { nextRowKey } : {}) })).toString("base64") === text;
}

/** One page of a tenant's rows of a table, resumable with the continuation token. A table that was
 * never created (its feature not deployed yet) has no rows. */
export async function readTenantPage(client: TableClient, tenantId: string, token: string | null, pageSize: number): Promise<{ rows: StoredEntity[]; next: string | null }> {
  const pages = client.listEntities<Record<string, unknown>>({ queryOptions: { filter: tenantFilter(tenantId) } }).byPage({ maxPageSize: pageSize, ...(token ? { continuationToken: token } : {}) });
  try {
    const result = await pages.next();
    if (result.done) return { rows: [], next: null };
    return { rows: [...result.value], next: result.value.continuationToken ?? null };
  } catch (error) {
    if (isNotFound(error)) return { rows: [], next: null };
    throw error;
  }
}

/** The text of a row: each string value, plus values split into numbered slices (d0, d1… or p0,
 * p1…) joined back. For searching by hand (tests, support); erasure matches exact values instead. */
export function collectText(entity: Record<string, unknown>): string[] {
  const texts: string[] = [];
  const slices = new Map<string, Array<[number, string]>>();
  for (const [key, value] of Object.entries(entity)) {
    if (typeof value !== "string") continue;
    texts.push(value);
    const slice = /^([a-z])(\d+)$/.exec(key);
    if (slice) slices.set(slice[1]!, [...(slices.get(slice[1]!) ?? []), [Number(slice[2]), value]]);
  }
  for (const parts of slices.values()) if (parts.length > 1) texts.push(parts.sort((a, b) => a[0] - b[0]).map(([, text]) => text).join(""));
  return texts;
}

/** A stored value that holds JSON (key results, audit changes, cards, sliced payloads), opened. */
export function parseStoredJson(text: string): unknown {
  const first = text.trimStart()[0];
  if (first !== "{" && first !== "[") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function addLeaves(value: unknown, into: Set<string>, depth = 0): void {
  if (typeof value === "string") {
    into.add(value);
    const nested = depth < 4 ? parseStoredJson(value) : undefined;
    if (nested !== undefined) addLeaves(nested, into, depth + 1);
  } else if (Array.isArray(value)) {
    for (const item of value) addLeaves(item, into, depth);
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      into.add(key);
      addLeaves(item, into, depth);
    }
  }
}

/** Every whole value a row holds: its key parts, each string property, and every string (and object
 * key) inside JSON it stores, sliced JSON joined back first. Erasure compares ids with these exactly,
 * so an id never matches a longer id or a text that merely contains it. */
export function collectValues(entity: Record<string, unknown>): Set<string> {
  const values = new Set<string>();
  for (const text of collectText(entity)) addLeaves(text, values);
  for (const key of ["partitionKey", "rowKey"]) if (typeof entity[key] === "string") for (const part of (entity[key] as string).split("|")) values.add(part);
  return values;
}

/** True when the row holds the value exactly, as a whole key part, property or JSON value. */
export function holdsValue(entity: Record<string, unknown>, value: string): boolean {
  return value !== "" && collectValues(entity).has(value);
}

/** The parts of a row's keys, e.g. tenant, owner, "g", goal id. */
export function keyParts(entity: StoredEntity): string[] {
  return [...String(entity.partitionKey).split("|"), ...String(entity.rowKey).split("|")];
}

export function touchesGoals(entity: StoredEntity, goalIds: ReadonlySet<string>): boolean {
  return goalIds.size > 0 && keyParts(entity).some((part) => goalIds.has(part));
}

const METADATA = new Set(["etag", "timestamp", "odata.etag", "odata.metadata"]);

export function stripMetadata(entity: StoredEntity): Record<string, unknown> & { partitionKey: string; rowKey: string } {
  return Object.fromEntries(Object.entries(entity).filter(([key]) => !METADATA.has(key))) as Record<string, unknown> & { partitionKey: string; rowKey: string };
}
