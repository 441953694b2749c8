/** The admin log: what admins did (settings changed, a cycle closed, data exported), newest first in
 * the Admin view. Entries carry counts and ids of things, never a person's data. */
import type { AdminLogEntry } from "../contracts/admin.js";
import type { Clock, IdGenerator } from "./ports.js";
import type { Principal } from "./types.js";

export interface AdminLogPort {
  addLogEntry(tenantId: string, entry: AdminLogEntry): Promise<void>;
  listLog(tenantId: string, limit: number): Promise<AdminLogEntry[]>;
}

export interface AdminLogDeps {
  entries: AdminLogPort;
  clock: Clock;
  ids: IdGenerator;
}

/** How many entries the Admin view shows. */
export const ADMIN_LOG_LIMIT = 100;

/** Records that the admin did `action`; `at` defaults to now. */
export async function recordAdminAction(deps: AdminLogDeps, admin: Principal, action: string, details: AdminLogEntry["details"], at = deps.clock.now().toISOString()): Promise<void> {
  await deps.entries.addLogEntry(admin.tenantId, { id: deps.ids.newId(), at, actorId: admin.userId, action, details });
}

export function readAdminLog(deps: Pick<AdminLogDeps, "entries">, tenantId: string): Promise<AdminLogEntry[]> {
  return deps.entries.listLog(tenantId, ADMIN_LOG_LIMIT);
}
