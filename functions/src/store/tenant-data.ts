/** The contract every table that holds tenant data signs: how its rows are exported, and how one
 * person is erased from it. The registry (tenant-data-registry.ts) lists the stores; a test fails
 * when a table exists that no store has claimed, so a new store cannot be forgotten. */
import type { TableClient, TableEntityResult } from "@azure/data-tables";
import type { EraseCounts, ErasureContext, PersonEraser } from "../domain/erasure.js";
import { isStatus, prefixUpperBound, quoteOData } from "./tables.js";

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

/** One page of a tenant's rows of a table, resumable with the continuation token. A table that was
 * never created (its feature not deployed yet) has no rows. */
export async function readTenantPage(client: TableClient, tenantId: string, token: string | null, pageSize: number): Promise<{ rows: StoredEntity[]; next: string | null }> {
  const pages = client.listEntities<Record<string, unknown>>({ queryOptions: { filter: tenantFilter(tenantId) } }).byPage({ maxPageSize: pageSize, ...(token ? { continuationToken: token } : {}) });
  try {
    const result = await pages.next();
    if (result.done) return { rows: [], next: null };
    return { rows: [...result.value], next: result.value.continuationToken ?? null };
  } catch (error) {
    if (isStatus(error, 404)) return { rows: [], next: null };
    throw error;
  }
}

/** The text of a row: each string value, plus values split into numbered slices (d0, d1… or p0,
 * p1…) joined back, so an id that straddles two slices is still found. */
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

export function mentions(entity: Record<string, unknown>, needle: string): boolean {
  return needle !== "" && collectText(entity).some((text) => text.includes(needle));
}

/** The parts of a row's keys, e.g. tenant, owner, "g", goal id. */
export function keyParts(entity: StoredEntity): string[] {
  return [...String(entity.partitionKey).split("|"), ...String(entity.rowKey).split("|")];
}

export function touchesGoals(entity: StoredEntity, goalIds: ReadonlySet<string>): boolean {
  return goalIds.size > 0 && keyParts(entity).some((part) => goalIds.has(part));
}

export type SweepDecision = "keep" | "delete" | { replace: Record<string, unknown> };

const METADATA = new Set(["etag", "timestamp", "odata.etag", "odata.metadata"]);
const WRITE_ATTEMPTS = 3;
const SWEEP_PAGE = 1000;

export function stripMetadata(entity: StoredEntity): Record<string, unknown> & { partitionKey: string; rowKey: string } {
  return Object.fromEntries(Object.entries(entity).filter(([key]) => !METADATA.has(key))) as Record<string, unknown> & { partitionKey: string; rowKey: string };
}

async function applyDecision(client: TableClient, entity: StoredEntity, decide: (entity: StoredEntity) => SweepDecision): Promise<"kept" | "deleted" | "rewritten"> {
  let current: StoredEntity | null = entity;
  for (let attempt = 1; current; attempt++) {
    const decision = decide(current);
    if (decision === "keep") return "kept";
    try {
      if (decision === "delete") await client.deleteEntity(current.partitionKey!, current.rowKey!, { etag: current.etag });
      else await client.updateEntity({ ...decision.replace, partitionKey: current.partitionKey!, rowKey: current.rowKey! }, "Replace", { etag: current.etag });
      return decision === "delete" ? "deleted" : "rewritten";
    } catch (error) {
      // Changed meanwhile: decide again on the fresh row, so a concurrent write is not lost.
      if (!isStatus(error, 412) && !isStatus(error, 404)) throw error;
      if (isStatus(error, 404) || attempt >= WRITE_ATTEMPTS) return "kept";
      current = await client.getEntity<Record<string, unknown>>(current.partitionKey!, current.rowKey!).catch(() => null);
    }
  }
  return "kept";
}

/** Reads every row of the tenant in a table and deletes or rewrites the ones the rule picks. */
export async function sweepTable(client: TableClient, tenantId: string, decide: (entity: StoredEntity) => SweepDecision, report: (scanned: number) => void): Promise<{ deleted: number; rewritten: number }> {
  const counts = { deleted: 0, rewritten: 0 };
  let token: string | null = null;
  let scanned = 0;
  do {
    const page = await readTenantPage(client, tenantId, token, SWEEP_PAGE);
    const outcomes = await Promise.all(page.rows.map((row) => applyDecision(client, row, decide)));
    for (const outcome of outcomes) if (outcome !== "kept") counts[outcome]++;
    scanned += page.rows.length;
    report(scanned);
    token = page.next;
  } while (token);
  return counts;
}

const FREE_TEXT = ["comment", "note", "text", "message"];
const AUTHOR_FIELDS = ["actorId", "authorId", "fromId", "requestedBy"];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Someone else's row that mentions the person: their id becomes a placeholder, their words (free
 * text they wrote) are dropped, and their name or mail in anyone's free text is blanked out. */
export function scrubEntity(entity: StoredEntity, context: ErasureContext): Record<string, unknown> {
  const row = stripMetadata(entity);
  const isAuthor = AUTHOR_FIELDS.some((field) => row[field] === context.personId);
  const names = [context.displayName, context.mail].filter((n): n is string => Boolean(n && n.trim().length >= 3));
  const namePattern = names.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(${names.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "gu") : null;
  for (const [key, value] of Object.entries(row)) {
    if (typeof value !== "string" || key === "partitionKey" || key === "rowKey") continue;
    let next = value.split(context.personId).join(ERASED_PERSON_ID);
    if (FREE_TEXT.includes(key)) next = isAuthor ? "" : namePattern ? next.replace(namePattern, ERASED_NAME) : next;
    row[key] = next;
  }
  return row;
}

export function mentionsPerson(entity: StoredEntity, context: ErasureContext): boolean {
  if (mentions(entity, context.personId)) return true;
  const names = [context.displayName, context.mail].filter((n): n is string => Boolean(n && n.trim().length >= 3));
  return names.length > 0 && FREE_TEXT.some((key) => typeof entity[key] === "string" && names.some((name) => (entity[key] as string).includes(name)));
}

/** The usual rule: rows keyed by the person or by one of their goals go; other rows that mention
 * the person are deleted or scrubbed, as the table's nature asks. */
export function decideUsual(entity: StoredEntity, context: ErasureContext, onMention: "delete" | "scrub"): SweepDecision {
  const parts = keyParts(entity);
  if (parts.includes(context.personId) || touchesGoals(entity, context.goalIds)) return "delete";
  if (!mentionsPerson(entity, context)) return "keep";
  return onMention === "delete" ? "delete" : { replace: scrubEntity(entity, context) };
}

/** Sweeps each table with the usual rule and adds up what changed, per table. */
export async function sweepTables(tables: ReadonlyArray<{ client: TableClient; name: string; decide: (entity: StoredEntity) => SweepDecision }>, tenantId: string, report: (scanned: number) => void): Promise<EraseCounts> {
  const counts: EraseCounts = {};
  let before = 0;
  for (const { client, name, decide } of tables) {
    let scanned = 0;
    const result = await sweepTable(client, tenantId, decide, (n) => report(before + (scanned = n)));
    before += scanned;
    counts[name] = result.deleted + result.rewritten;
  }
  return counts;
}
