/** Keeps a tenant's org chart in step with Entra ID through Microsoft Graph's users delta.
 * One run at a time per tenant (a lease); the first run and any resync read everyone, later runs only
 * what changed. Directory changes reach the goal side through an outbox, so a failing handler gets
 * them again on the next run instead of losing them. */
import { randomUUID } from "node:crypto";
import type { DirectoryChange } from "../domain/ports.js";
import type { TableDirectory } from "../store/directory-store.js";
import type { SyncStateStore } from "../store/sync-state-store.js";
import { withStorageTimeout } from "../store/storage-timeout.js";
import { diffPeople, type DirectoryAnomaly } from "./directory-changes.js";
import { createGraphApi } from "../graph/graph-client.js";
import { createTokenSource, type GraphCredentials } from "../graph/graph-token.js";
import { isResyncRequired, runDeltaRound, runFullRound, type RoundContext, type RoundOutcome, type SyncProgress } from "./sync-rounds.js";

export type { SyncProgress } from "./sync-rounds.js";

export interface SyncDirectoryOptions extends GraphCredentials {
  /** e.g. https://graph.microsoft.com/v1.0 */
  graphBaseUrl: string;
  directory: TableDirectory;
  syncState: SyncStateStore;
  onChanges?: (tenantId: string, changes: DirectoryChange[]) => Promise<void>;
  onProgress?: (progress: SyncProgress) => void;
  /** Ignore the saved deltaLink and read everyone (a periodic safety net). */
  isFullForced?: boolean;
  leaseSeconds?: number;
  /** Backoff base when Graph throttles without Retry-After. */
  retryDelaySeconds?: number;
}

export interface SyncResult {
  mode: "full" | "delta" | "skipped";
  usersSeen: number;
  written: number;
  removed: number;
  changes: DirectoryChange[];
  anomalies: DirectoryAnomaly[];
  seconds: number;
}

const DEFAULT_LEASE_SECONDS = 600;
/** Each storage request of a sync may take this long: a million-person sync sends multi-megabyte
 * transactions while its own process is busy encoding the next ones, and nobody waits on it. */
export const SYNC_STORAGE_TIMEOUT_MS = 30_000;

async function deliverPending(options: SyncDirectoryOptions): Promise<void> {
  if (!options.onChanges) return;
  for (const entry of await options.syncState.readOutbox(options.tenantId)) {
    await options.onChanges(options.tenantId, entry.changes);
    await options.syncState.removeFromOutbox(options.tenantId, [entry]);
  }
}

async function deliver(options: SyncDirectoryOptions, changes: DirectoryChange[]): Promise<void> {
  if (!options.onChanges || changes.length === 0) return;
  const entries = await options.syncState.addToOutbox(options.tenantId, changes);
  await options.onChanges(options.tenantId, changes);
  await options.syncState.removeFromOutbox(options.tenantId, entries);
}

async function runRound(ctx: RoundContext, deltaLink: string | null, isFullForced: boolean): Promise<RoundOutcome> {
  if (!deltaLink || isFullForced) return runFullRound(ctx);
  try {
    return await runDeltaRound(ctx, deltaLink);
  } catch (error) {
    if (!isResyncRequired(error)) throw error;
    return runFullRound(ctx);
  }
}

export function syncDirectory(options: SyncDirectoryOptions): Promise<SyncResult> {
  return withStorageTimeout(SYNC_STORAGE_TIMEOUT_MS, () => runSync(options));
}

async function runSync(options: SyncDirectoryOptions): Promise<SyncResult> {
  const started = performance.now();
  const seconds = () => Math.round((performance.now() - started) / 10) / 100;
  const ttlMs = (options.leaseSeconds ?? DEFAULT_LEASE_SECONDS) * 1000;
  const lease = await options.syncState.acquireLease(options.tenantId, { owner: randomUUID(), ttlMs });
  if (!lease) return { mode: "skipped", usersSeen: 0, written: 0, removed: 0, changes: [], anomalies: [], seconds: seconds() };
  let isReleased = false;
  try {
    await deliverPending(options);
    let renewedAt = Date.now();
    const ctx: RoundContext = {
      tenantId: options.tenantId,
      directory: options.directory,
      api: createGraphApi({ graphBaseUrl: options.graphBaseUrl, tokens: createTokenSource(options), retryDelaySeconds: options.retryDelaySeconds }),
      async keepAlive() {
        if (Date.now() - renewedAt < ttlMs / 3) return;
        await lease.renew();
        renewedAt = Date.now();
      },
      progress: (progress) => options.onProgress?.(progress),
    };
    const outcome = await runRound(ctx, lease.state.deltaLink, options.isFullForced ?? false);
    const changes = diffPeople(outcome.changes);
    // The store already holds the new state, so the deltaLink is saved even if delivery fails;
    // the outbox keeps the changes for the next run.
    let deliveryFailure: { error: unknown } | null = null;
    try {
      await deliver(options, changes);
    } catch (error) {
      deliveryFailure = { error };
    }
    const now = new Date().toISOString();
    await lease.release({ deltaLink: outcome.deltaLink, lastSyncAt: now, lastMode: outcome.mode, ...(outcome.mode === "full" ? { lastFullSyncAt: now } : {}) });
    isReleased = true;
    if (deliveryFailure) throw deliveryFailure.error;
    options.onProgress?.({ phase: "done", mode: outcome.mode, usersSeen: outcome.usersSeen });
    return { mode: outcome.mode, usersSeen: outcome.usersSeen, written: outcome.written, removed: outcome.removed, changes, anomalies: outcome.anomalies, seconds: seconds() };
  } finally {
    if (!isReleased) await lease.release({}).catch(() => undefined);
  }
}
