/** The caller: profile from the directory, manager, reports count, roles. */
import { canSetTopLevel, isAdmin } from "../domain/goal-access.js";
import type { Me } from "../contracts/people.js";
import { json, type RouteHandlers } from "./pipeline.js";

export const meHandlers = {
  me: async ({ services, principal }) => {
    const { directory } = services;
    const person = await directory.getPerson(principal.tenantId, principal.userId);
    const manager = person?.managerId ? await directory.getPerson(principal.tenantId, person.managerId) : null;
    const reports = await directory.listDirectReports(principal.tenantId, principal.userId);
    const policy = await services.settings.getPolicy(principal.tenantId);
    const me: Me = {
      id: principal.userId,
      tenantId: principal.tenantId,
      displayName: person?.displayName ?? principal.name,
      jobTitle: person?.jobTitle ?? null,
      department: person?.department ?? null,
      mail: person?.mail ?? null,
      isInDirectory: person !== null,
      manager: manager ? { id: manager.id, displayName: manager.displayName, jobTitle: manager.jobTitle } : null,
      reportsCount: reports.length,
      roles: principal.roles,
      isAdmin: isAdmin(principal),
      canSetTopLevel: await canSetTopLevel(directory, principal, policy),
    };
    return json(200, me);
  },
} satisfies RouteHandlers;
