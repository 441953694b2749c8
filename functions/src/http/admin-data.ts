/** Data controls for admins: export everything the tenant has, erase one person's data. */
import { eraseSchema } from "../contracts/admin.js";
import { readJobStatus, startJob } from "../domain/admin-jobs.js";
import { assertAdmin } from "../domain/admin.js";
import { recordAdminAction } from "../domain/admin-log.js";
import { erasePerson, findPersonToErase } from "../domain/erasure.js";
import { EXPORT_FORMAT } from "../store/tenant-export.js";
import { json, type RouteHandlers } from "./pipeline.js";
import { parseBody } from "./schemas.js";

export const adminDataHandlers = {
  "admin-export": async ({ services, principal, query }) => {
    assertAdmin(principal, "export the organisation's data");
    const cursor = query.get("cursor");
    const page = await services.admin.export.readPage(principal.tenantId, cursor);
    if (!cursor) await recordAdminAction(services.admin.adminLog, principal, "data_exported", {});
    return json(200, { format: EXPORT_FORMAT, tenantId: principal.tenantId, ...page });
  },
  "admin-erase-status": async ({ services, principal }) => {
    assertAdmin(principal, "see erasures");
    return json(200, await readJobStatus(services.admin.jobs, principal.tenantId, "erase"));
  },
  "admin-erase-start": async ({ services, principal, body }) => {
    assertAdmin(principal, "erase a person's data");
    const { personId } = parseBody(eraseSchema, body);
    // Refused here, before a job starts, when the id is not exactly a person the directory knows or knew.
    await findPersonToErase(services.admin.erasure, principal, personId);
    const { job } = await startJob(services.admin.jobs, principal.tenantId, "erase", principal.userId, (report) => erasePerson(services.admin.erasure, principal, personId, report));
    return json(202, { isRunning: true, job, lastFinished: null }, { location: "/api/admin/erase" });
  },
} satisfies RouteHandlers;
