/** Erasure sweeps: read every row of a tenant in a table, and delete or rewrite the rows a rule
 * picks, each with the ETag it was read at, deciding again when a row changed meanwhile. */
import type { TableClient } from "@azure/data-tables";
import { runLimited } from "../directory/run-limited.js";
import { isStatus } from "./tables.js";
import { ERASED_NAME, ERASED_PERSON_ID, keyParts, mentions, readTenantPage, stripMetadata, touchesGoals, type EraseCounts, type ErasureContext, type StoredEntity } from "./tenant-data.js";

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
