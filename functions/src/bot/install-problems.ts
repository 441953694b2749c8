/** The tenant's last refusal from Microsoft Graph: recorded (pausing installs after a 403), told to
 * the admins once, shown in Admin, and forgotten when an install works again. */
import type { AdminLogEntry } from "../domain/admin.js";
import type { Clock, IdGenerator } from "../domain/ports.js";
import type { AppInstallStore } from "../store/app-install-store.js";
import type { InstallOutcome } from "./app-installer.js";
import { buildInstallNotice, describeFix, nextProblem } from "./install-rules.js";
import type { InstallProblemView } from "../contracts/admin.js";

export type { InstallProblemView } from "../contracts/admin.js";

export interface InstallProblems {
  record(tenantId: string, failure: Extract<InstallOutcome, { kind: "failed" }>): Promise<void>;
  clear(tenantId: string): Promise<void>;
  describe(tenantId: string): Promise<InstallProblemView | null>;
}

export function createInstallProblems(deps: { store: AppInstallStore; clock: Clock; ids: IdGenerator; addAdminLogEntry(tenantId: string, entry: AdminLogEntry): Promise<void> }): InstallProblems {
  return {
    async record(tenantId, failure) {
      const previous = await deps.store.getProblem(tenantId);
      const { problem, isNotice } = nextProblem(previous?.value ?? null, { tenantId, ...failure }, deps.clock.now());
      // Of two refusals recorded at once, only the one that wrote the row tells the admin.
      const written = await deps.store.writeProblem(problem, previous?.etag ?? null);
      if (written !== null && isNotice) await deps.addAdminLogEntry(tenantId, buildInstallNotice(problem, deps.ids.newId()));
    },
    async clear(tenantId) {
      const problem = await deps.store.getProblem(tenantId);
      if (problem) await deps.store.clearProblem(tenantId, problem.etag);
    },
    async describe(tenantId) {
      const problem = (await deps.store.getProblem(tenantId))?.value;
      return problem ? { reason: problem.reason, status: problem.status, at: problem.at, fix: describeFix(problem.reason) } : null;
    },
  };
}
