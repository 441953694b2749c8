/** Table clients and key helpers. The store folder is the only code that imports @azure/data-tables. */
import { TableClient, TableServiceClient, type TableEntityResult } from "@azure/data-tables";
import type { TokenCredential } from "@azure/identity";
import { createLazyLoader } from "../lazy-loader.js";
import { createStorageClientOptions } from "./storage-timeout.js";

export type StorageConnection =
  | { kind: "connectionString"; connectionString: string }
  | { kind: "identity"; endpoint: string };

export const TABLE_NAMES = {
  goals: "goals",
  goalIndex: "goalindex",
  children: "goalchildren",
  cycles: "cycles",
  people: "people",
  reports: "reports",
  state: "state",
} as const;

export type TableName = (typeof TABLE_NAMES)[keyof typeof TABLE_NAMES] | string;

/** Characters Table Storage forbids in PartitionKey/RowKey; control characters are refused separately. */
const FORBIDDEN_KEY_CHARS = /[/\\#?]/;

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}
const MAX_KEY_LENGTH = 1024;

export function isValidKeyPart(value: string): boolean {
  return value.length > 0 && value.length <= 256 && !FORBIDDEN_KEY_CHARS.test(value) && !hasControlCharacter(value);
}

/** Joins key parts with a separator that cannot occur inside a valid part. */
export function makeKey(...parts: string[]): string {
  const key = parts.join("|");
  if (key.length > MAX_KEY_LENGTH) throw new Error("Table key too long");
  return key;
}

/** Escapes a value for use inside an OData filter string literal. */
export function quoteOData(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The smallest string greater than every string starting with prefix. */
export function prefixUpperBound(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

export function filterByPrefix(partitionKey: string, rowKeyPrefix: string): string {
  return `PartitionKey eq ${quoteOData(partitionKey)} and RowKey ge ${quoteOData(rowKeyPrefix)} and RowKey lt ${quoteOData(prefixUpperBound(rowKeyPrefix))}`;
}

export interface TableFactory {
  getClient(table: TableName): TableClient;
  ensureTables(tables: TableName[]): Promise<void>;
}

/** @azure/identity (and MSAL under it) is large and only the managed-identity connection needs it,
 * so it loads on the first token request rather than at start-up. */
function createLazyAzureCredential(): TokenCredential {
  const credential = createLazyLoader<TokenCredential>(() => import("@azure/identity").then(({ DefaultAzureCredential }) => new DefaultAzureCredential()));
  return { getToken: async (scopes, options) => (await credential.load()).getToken(scopes, options) };
}

export function createTableFactory(connection: StorageConnection): TableFactory {
  const credential = connection.kind === "identity" ? createLazyAzureCredential() : null;
  const clients = new Map<string, TableClient>();
  const isLocal = connection.kind === "connectionString" && /UseDevelopmentStorage|127\.0\.0\.1|localhost/.test(connection.connectionString);
  const options = createStorageClientOptions(isLocal);
  const service =
    connection.kind === "connectionString"
      ? TableServiceClient.fromConnectionString(connection.connectionString, options)
      : new TableServiceClient(connection.endpoint, credential!, options);
  /** Table names are case-insensitive; listed once per factory, then kept up to date as tables are created. */
  const existing = createLazyLoader(listExistingTables);
  function getClient(table: TableName): TableClient {
    let client = clients.get(table);
    if (!client) {
      client =
        connection.kind === "connectionString"
          ? TableClient.fromConnectionString(connection.connectionString, table, options)
          : new TableClient(connection.endpoint, table, credential!, options);
      clients.set(table, client);
    }
    return client;
  }
  async function listExistingTables(): Promise<Set<string>> {
    const names = new Set<string>();
    for await (const table of service.listTables()) if (table.name) names.add(table.name.toLowerCase());
    return names;
  }
  /** One listing round trip when the tables exist (every start but the first), then one parallel
   * create per missing table, rather than a create per table on every start. */
  async function ensureTables(tables: TableName[]): Promise<void> {
    const known = await existing.load();
    const missing = new Map(tables.filter((t) => !known.has(t.toLowerCase())).map((t) => [t.toLowerCase(), t]));
    await Promise.all([...missing.values()].map((t) => service.createTable(t)));
    for (const key of missing.keys()) known.add(key);
  }
  return { getClient, ensureTables };
}

/** How a write lost to another writer: `exists` (409, the row was created meanwhile), `stale` (412, the
 * ETag read is no longer current) or `gone` (404, the row was deleted meanwhile). */
export type WriteConflict = "exists" | "stale" | "gone";

const CONFLICTS: Readonly<Record<number, WriteConflict>> = { 409: "exists", 412: "stale", 404: "gone" };

/** The conflict a Table Storage error reports, or null for any other failure (those are rethrown). */
export function classifyConflict(error: unknown): WriteConflict | null {
  const status = typeof error === "object" && error !== null ? (error as { statusCode?: unknown }).statusCode : undefined;
  return typeof status === "number" ? (CONFLICTS[status] ?? null) : null;
}

/** True when the error is one of these conflicts (any of the three when none is named). */
export function isConflict(error: unknown, ...kinds: WriteConflict[]): boolean {
  const conflict = classifyConflict(error);
  return conflict !== null && (kinds.length === 0 || kinds.includes(conflict));
}

/** A read or delete of a row or table that does not exist. */
export const isNotFound = (error: unknown): boolean => classifyConflict(error) === "gone";

export async function getEntityOrNull<T extends object>(client: TableClient, pk: string, rk: string): Promise<TableEntityResult<T> | null> {
  try {
    return await client.getEntity<T>(pk, rk);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** Deletes a row only while it is still the version read (or the ETag given); a row that is already gone
 * or was changed by someone else meanwhile is left as it is. */
export async function deleteUnchanged(client: TableClient, partitionKey: string, rowKey: string, etag?: string): Promise<void> {
  const current = etag ? { etag } : await getEntityOrNull(client, partitionKey, rowKey);
  if (!current) return;
  try {
    await client.deleteEntity(partitionKey, rowKey, { etag: current.etag });
  } catch (error) {
    if (!isConflict(error, "gone", "stale")) throw error;
  }
}

/** Azurite does not enforce the service's limits; these checks keep local and Azure behaviour the same. */
export const TABLE_LIMITS = { maxEntityBytes: 1024 * 1024, maxProperties: 252, maxStringChars: 32 * 1024, maxBatch: 100, maxBatchBytes: 4 * 1024 * 1024 };

/** A value too long for one string property is kept in properties p0, p1, … of one entity. */
const CHUNK_CHARS = TABLE_LIMITS.maxStringChars - 1024;

export function splitChunks(text: string): Record<string, string> {
  const chunks: Record<string, string> = {};
  for (let i = 0; i * CHUNK_CHARS < text.length; i++) chunks[`p${i}`] = text.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS);
  return chunks;
}

export function joinChunks(entity: Record<string, unknown>, count: number): string {
  let text = "";
  for (let i = 0; i < count; i++) text += String(entity[`p${i}`] ?? "");
  return text;
}

/** Every entity passes here before it is written or batched. */
export function assertEntityWithinLimits(entity: object): void {
  const keys = Object.keys(entity);
  if (keys.length > TABLE_LIMITS.maxProperties) throw new Error(`Entity has ${keys.length} properties; the limit is ${TABLE_LIMITS.maxProperties}`);
  let bytes = 0;
  for (const key of keys) {
    const value = (entity as Record<string, unknown>)[key];
    if (typeof value === "string") {
      if (value.length > TABLE_LIMITS.maxStringChars) throw new Error(`Property ${key} exceeds ${TABLE_LIMITS.maxStringChars} characters`);
      bytes += value.length * 2;
    } else bytes += 8;
    bytes += key.length * 2;
  }
  if (bytes > TABLE_LIMITS.maxEntityBytes) throw new Error(`Entity is ${bytes} bytes; the limit is ${TABLE_LIMITS.maxEntityBytes}`);
}
