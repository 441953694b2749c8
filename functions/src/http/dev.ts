/** Local development only (AUTH_MODE=dev): the demo people and a token for any of them. */
import { devTokenSchema, type DevUser } from "../contracts/people.js";
import { AppError } from "../domain/errors.js";
import { json, type RouteHandlers } from "./pipeline.js";
import { parseBody } from "./schemas.js";

export const devHandlers = {
  "dev-users": async ({ services }) => {
    const people = await services.dev!.listDemoPeople();
    return json(200, people.map((p): DevUser => ({ id: p.id, displayName: p.displayName, jobTitle: p.jobTitle, department: p.department, managerId: p.managerId })));
  },
  "dev-token": async ({ services, body }) => {
    const { userId } = parseBody(devTokenSchema, body);
    const dev = services.dev!;
    const person = await services.directory.getPerson(dev.tenantId, userId);
    if (!person) throw new AppError("not_found", "There is no demo person with that id.");
    const roles = dev.adminIds.includes(userId) ? ["Cascade.Admin"] : [];
    return json(200, await dev.issuer.mint({ tenantId: dev.tenantId, userId, name: person.displayName, roles }));
  },
} satisfies RouteHandlers;
