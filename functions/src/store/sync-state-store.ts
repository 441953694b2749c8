/** Per-tenant state of the directory sync: a lease so overlapping runs never work at once (an
 * ETag-guarded entity with an expiry), the Graph deltaLink to resume from, and an outbox of directory
 * changes not yet handed to the goal side. */
import type { DirectoryChange } from "../domain/ports.js";
import { assertEntityWithinLimits, getEntityOrNull, isConflict, makeKey, quoteOData, TABLE_NAMES, type TableFactory } from "./tables.js";

export interface SyncState {
  deltaLink: string | null;
  lastSyncAt: string | null;
  lastFullSyncAt: string | null;
  lastMode: string | null;
}

export interface SyncLease {
  readonly state: SyncState;
  /** Extends the lease; throws LeaseLostError if another run took it over. */
  renew(): Promise<void>;
  /** Saves the given state and frees the lease. */
  release(update: Partial<SyncState>): Promise<void>;
}

export interface OutboxEntry {
  rowKey: string;
  etag: string;
  changes: DirectoryChange[];
}

export interface SyncStateStore {
  readonly tables: string[];
  /** Null when another run holds an unexpired lease. */
  acquireLease(tenantId: string, options: { owner: string; ttlMs: number }): Promise<SyncLease | null>;
  addToOutbox(tenantId: string, changes: DirectoryChange[]): Promise<OutboxEntry[]>;
  readOutbox(tenantId: string): Promise<OutboxEntry[]>;
  removeFromOutbox(tenantId: string, entries: OutboxEntry[]): Promise<void>;
}

export class LeaseLostError extends Error {
  constructor() {
    super("Another directory sync took over the lease.");
    this.name = "LeaseLostError";
  }
}

const STATE_ROW = "directory-sync";
const OUTBOX_CHANGES_PER_ROW = 200;
const SLICE_CHARS = 30_000;

function readState(entity: Record<string, unknown> | null): SyncState {
  const text = (key: keyof SyncState) => (typeof entity?.[key] === "string" && entity[key] !== "" ? (entity[key] as string) : null);
  return { deltaLink: text("deltaLink"), lastSyncAt: text("lastSyncAt"), lastFullSyncAt: text("lastFullSyncAt"), lastMode: text("lastMode") };
}

function toSlices(value: unknown): Record<string, string> {
  const json = JSON.stringify(value);
  const slices: Record<string, string> = {};
  for (let i = 0, k = 0; i < json.length; i += SLICE_CHARS, k++) slices[`d${k}`] = json.slice(i, i + SLICE_CHARS);
  return slices;
}

function fromSlices(entity: Record<string, unknown>): unknown {
  let json = "";
  for (let k = 0; typeof entity[`d${k}`] === "string"; k++) json += entity[`d${k}`] as string;
  return JSON.parse(json || "[]");
}

export function createSyncStateStore(factory: TableFactory): SyncStateStore {
  const client = factory.getClient(TABLE_NAMES.state);
  const statePk = (tenantId: string) => makeKey(tenantId, STATE_ROW);
  const outboxPk = (tenantId: string) => makeKey(tenantId, "directory-outbox");

  async function acquireLease(tenantId: string, options: { owner: string; ttlMs: number }): Promise<SyncLease | null> {
    const existing = await getEntityOrNull<Record<string, unknown>>(client, statePk(tenantId), STATE_ROW);
    if (existing && existing.leaseOwner && Date.parse(String(existing.leaseUntil)) > Date.now()) return null;
    let state = readState(existing);
    const entityOf = (s: SyncState, isHeld: boolean) => {
      const entity = { partitionKey: statePk(tenantId), rowKey: STATE_ROW, ...s, leaseOwner: isHeld ? options.owner : "", leaseUntil: isHeld ? new Date(Date.now() + options.ttlMs).toISOString() : "" };
      assertEntityWithinLimits(entity);
      return entity;
    };
    let etag: string;
    try {
      etag = existing
        ? (await client.updateEntity(entityOf(state, true), "Replace", { etag: existing.etag })).etag!
        : (await client.createEntity(entityOf(state, true))).etag!;
    } catch (error) {
      if (isConflict(error, "exists", "stale")) return null;
      throw error;
    }
    const write = async (next: SyncState, isHeld: boolean) => {
      try {
        etag = (await client.updateEntity(entityOf(next, isHeld), "Replace", { etag })).etag!;
        state = next;
      } catch (error) {
        throw isConflict(error, "stale") ? new LeaseLostError() : error;
      }
    };
    return {
      get state() {
        return state;
      },
      renew: () => write(state, true),
      release: (update) => write({ ...state, ...update }, false),
    };
  }

  async function addToOutbox(tenantId: string, changes: DirectoryChange[]): Promise<OutboxEntry[]> {
    const entries: OutboxEntry[] = [];
    const stamp = Date.now().toString().padStart(15, "0");
    for (let i = 0; i < changes.length; i += OUTBOX_CHANGES_PER_ROW) {
      const part = changes.slice(i, i + OUTBOX_CHANGES_PER_ROW);
      const rowKey = `${stamp}-${String(i).padStart(9, "0")}`;
      const entity = { partitionKey: outboxPk(tenantId), rowKey, ...toSlices(part) };
      assertEntityWithinLimits(entity);
      entries.push({ rowKey, etag: (await client.createEntity(entity)).etag!, changes: part });
    }
    return entries;
  }

  async function readOutbox(tenantId: string): Promise<OutboxEntry[]> {
    const entries: OutboxEntry[] = [];
    const filter = `PartitionKey eq ${quoteOData(outboxPk(tenantId))}`;
    for await (const entity of client.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      entries.push({ rowKey: entity.rowKey!, etag: entity.etag, changes: fromSlices(entity) as DirectoryChange[] });
    }
    return entries;
  }

  async function removeFromOutbox(tenantId: string, entries: OutboxEntry[]): Promise<void> {
    for (const entry of entries) {
      try {
        await client.deleteEntity(outboxPk(tenantId), entry.rowKey, { etag: entry.etag });
      } catch (error) {
        if (!isConflict(error, "gone")) throw error;
      }
    }
  }

  return { tables: [TABLE_NAMES.state], acquireLease, addToOutbox, readOutbox, removeFromOutbox };
}
