/** People search for admins: choosing organisation-goal owners and whose data to erase. */
import { searchPeople } from "../domain/people.js";
import { json, type RouteHandlers } from "./pipeline.js";

export const adminPeopleHandlers = {
  "admin-people-search": async ({ services, principal, query }) => {
    const deps = { directory: services.directory, listPeople: (tenantId: string) => services.progress.listPeople(tenantId) };
    return json(200, { items: await searchPeople(deps, principal, query.get("q") ?? "") });
  },
} satisfies RouteHandlers;
