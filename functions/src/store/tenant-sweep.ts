/** Erasure sweeps: read every row of a tenant in a table, and delete or rewrite the rows a rule
 * picks, each with the ETag it was read at, deciding again when a row changed meanwhile. */
import type { TableClient } from "@azure/data-tables";
import { runLimited } from "../domain/run-limited.js";
import { isConflict } from "./tables.js";
import { collectValues, ERASED_NAME, ERASED_PERSON_ID, holdsValue, keyParts, parseStoredJson, readTenantPage, stripMetadata, touchesGoals, type EraseCounts, type ErasureContext, type StoredEntity } from "./tenant-data.js";

export type SweepDecision = "keep" | "delete" | { replace: Record<string, unknown> };

const WRITE_ATTEMPTS = 3;
const SWEEP_PAGE = 1000;
const WRITE_CONCURRENCY = 16;

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
      if (!isConflict(error, "stale", "gone")) throw error;
      if (isConflict(error, "gone") || attempt >= WRITE_ATTEMPTS) return "kept";
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
    const outcomes = await runLimited(page.rows, WRITE_CONCURRENCY, (row) => applyDecision(client, row, decide));
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

/** The person's name and mail as whole words (a namesake "Ada Lovelaces" or a longer mail is not them). */
export function buildNamePattern(context: ErasureContext): RegExp | null {
  const names = [context.displayName, context.mail].filter((n): n is string => Boolean(n && n.trim().length >= 3));
  return names.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}@._-])(${names.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}@_-]|\\.[\\p{L}\\p{N}])`, "gu") : null;
}

/** Replaces the person's id wherever it is a whole value or object key, also inside nested JSON. */
function replaceExactId(value: unknown, personId: string): { value: unknown; isChanged: boolean } {
  if (typeof value === "string") {
    const next = scrubStoredValue(value, personId);
    return { value: next, isChanged: next !== value };
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => replaceExactId(item, personId));
    return { value: items.map((i) => i.value), isChanged: items.some((i) => i.isChanged) };
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => [key === personId ? ERASED_PERSON_ID : key, replaceExactId(item, personId)] as const);
    return { value: Object.fromEntries(entries.map(([key, item]) => [key, item.value])), isChanged: entries.some(([key, item]) => key === ERASED_PERSON_ID || item.isChanged) };
  }
  return { value, isChanged: false };
}

function scrubStoredValue(value: string, personId: string): string {
  if (value === personId) return ERASED_PERSON_ID;
  const parsed = parseStoredJson(value);
  if (parsed === undefined) return value;
  const replaced = replaceExactId(parsed, personId);
  return replaced.isChanged ? JSON.stringify(replaced.value) : value;
}

/** Someone else's row that mentions the person: where their id is a whole value (a property, or a
 * value inside stored JSON) it becomes a placeholder, their words (free text they wrote) are dropped,
 * and their name or mail as whole words in anyone's free text is blanked out. Nothing else changes. */
export function scrubEntity(entity: StoredEntity, context: ErasureContext): Record<string, unknown> {
  const row = stripMetadata(entity);
  const isAuthor = AUTHOR_FIELDS.some((field) => row[field] === context.personId);
  const namePattern = buildNamePattern(context);
  for (const [key, value] of Object.entries(row)) {
    if (typeof value !== "string" || key === "partitionKey" || key === "rowKey") continue;
    let next = scrubStoredValue(value, context.personId);
    if (FREE_TEXT.includes(key)) next = isAuthor ? "" : namePattern ? next.replace(namePattern, ERASED_NAME) : next;
    row[key] = next;
  }
  return row;
}

/** The person's name or mail as whole words in any of the row's values (cards, cached views). */
export function mentionsName(entity: StoredEntity, context: ErasureContext, keys?: readonly string[]): boolean {
  const pattern = buildNamePattern(context);
  if (!pattern) return false;
  const texts = keys ? keys.map((key) => entity[key]).filter((v): v is string => typeof v === "string") : [...collectValues(entity)];
  return texts.some((text) => new RegExp(pattern.source, "u").test(text));
}

export function mentionsPerson(entity: StoredEntity, context: ErasureContext): boolean {
  return holdsValue(entity, context.personId) || mentionsName(entity, context, FREE_TEXT);
}

/** The usual rule: rows keyed by the person or by one of their goals go; other rows that hold the
 * person's id as a whole value (or name them in free text) are deleted or scrubbed, as the table's
 * nature asks. A row that only holds a longer id that starts or ends like theirs is not theirs. */
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
