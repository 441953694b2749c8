/** Cascade's own attempts to install its app for people through Microsoft Graph, so each person is
 * asked at most once (a failure is retried only after a pause), and the tenant's last install
 * problem (a missing Graph permission, for instance), which pauses attempts and shows in Admin.
 * One partition per tenant: a row per person, keyed by their object id, and one tenant row. */
import type { Versioned } from "../domain/ports.js";
import { assertEntityWithinLimits, deleteUnchanged, getEntityOrNull, isConflict, makeKey, type TableFactory } from "./tables.js";
import type { InstallFailure } from "../contracts/admin.js";

export type { InstallFailure } from "../contracts/admin.js";

export const APP_INSTALLS_TABLE = "appinstalls";
/** Person rows are keyed by object ids (GUIDs), which never start with "~". */
export const TENANT_ROW = "~tenant";

/** requested: Graph accepted the install (or is being asked); installed: Teams reported the chat,
 * or the app was already there; removed: the person removed the app; failed: Graph refused, see `reason`. */
export type InstallState = "requested" | "installed" | "removed" | "failed";

export interface InstallAttempt {
  tenantId: string;
  userId: string;
  state: InstallState;
  reason: InstallFailure | null;
  attemptedAt: string;
  updatedAt: string;
  /** A failed attempt may be made again from this time on. */
  retryAt: string | null;
}

export interface TenantInstallProblem {
  tenantId: string;
  reason: InstallFailure;
  /** The HTTP status Graph answered with. */
  status: number;
  at: string;
  /** No one in the tenant is tried again before this time (null: others may be tried). */
  pausedUntil: string | null;
  /** When the admin log last said so, so that it says it once per pause, not once per person. */
  noticedAt: string | null;
}

/** Every write is conditional: `etag` null creates the row only if there is none, otherwise the row
 * is replaced only while it is as read. A write that lost the race returns null. */
export interface AppInstallStore {
  readonly tables: string[];
  getAttempt(tenantId: string, userId: string): Promise<Versioned<InstallAttempt> | null>;
  writeAttempt(attempt: InstallAttempt, etag: string | null): Promise<string | null>;
  getProblem(tenantId: string): Promise<Versioned<TenantInstallProblem> | null>;
  writeProblem(problem: TenantInstallProblem, etag: string | null): Promise<string | null>;
  /** Forgets the problem once an install works again. */
  clearProblem(tenantId: string, etag: string): Promise<void>;
}

interface AttemptEntity {
  partitionKey: string;
  rowKey: string;
  state: string;
  reason: string;
  attemptedAt: string;
  updatedAt: string;
  retryAt: string;
}

interface ProblemEntity {
  partitionKey: string;
  rowKey: string;
  reason: string;
  status: number;
  at: string;
  pausedUntil: string;
  noticedAt: string;
}

const partition = (tenantId: string) => makeKey(tenantId);

function toEntity(attempt: InstallAttempt): AttemptEntity {
  const { tenantId, userId, state, reason, attemptedAt, updatedAt, retryAt } = attempt;
  return { partitionKey: partition(tenantId), rowKey: userId, state, reason: reason ?? "", attemptedAt, updatedAt, retryAt: retryAt ?? "" };
}

function toAttempt(tenantId: string, entity: AttemptEntity): InstallAttempt {
  const state = (["installed", "removed", "failed"].includes(entity.state) ? entity.state : "requested") as InstallState;
  return { tenantId, userId: entity.rowKey, state, reason: (entity.reason || null) as InstallFailure | null, attemptedAt: entity.attemptedAt, updatedAt: entity.updatedAt, retryAt: entity.retryAt || null };
}

function toProblem(tenantId: string, entity: ProblemEntity): TenantInstallProblem {
  return { tenantId, reason: entity.reason as InstallFailure, status: entity.status, at: entity.at, pausedUntil: entity.pausedUntil || null, noticedAt: entity.noticedAt || null };
}

export function createAppInstallStore(factory: TableFactory): AppInstallStore {
  const table = factory.getClient(APP_INSTALLS_TABLE);

  async function write(entity: { partitionKey: string; rowKey: string } & object, etag: string | null): Promise<string | null> {
    assertEntityWithinLimits(entity);
    try {
      const response = etag === null ? await table.createEntity(entity) : await table.updateEntity(entity, "Replace", { etag });
      return response.etag ?? "";
    } catch (error) {
      if (isConflict(error)) return null;
      throw error;
    }
  }

  return {
    tables: [APP_INSTALLS_TABLE],
    async getAttempt(tenantId, userId) {
      const entity = await getEntityOrNull<AttemptEntity>(table, partition(tenantId), userId);
      return entity ? { value: toAttempt(tenantId, entity), etag: entity.etag } : null;
    },
    writeAttempt: (attempt, etag) => write(toEntity(attempt), etag),
    async getProblem(tenantId) {
      const entity = await getEntityOrNull<ProblemEntity>(table, partition(tenantId), TENANT_ROW);
      return entity ? { value: toProblem(tenantId, entity), etag: entity.etag } : null;
    },
    writeProblem(problem, etag) {
      const entity: ProblemEntity = { partitionKey: partition(problem.tenantId), rowKey: TENANT_ROW, reason: problem.reason, status: problem.status, at: problem.at, pausedUntil: problem.pausedUntil ?? "", noticedAt: problem.noticedAt ?? "" };
      return write(entity, etag);
    },
    clearProblem: (tenantId, etag) => deleteUnchanged(table, partition(tenantId), TENANT_ROW, etag),
  };
}
