/** The caller: profile from the directory, manager, reports count, roles. */
import { describeMe } from "../domain/people.js";
import { json, type RouteHandlers } from "./pipeline.js";

export const meHandlers = {
  me: async ({ services, principal }) => json(200, await describeMe(services.directory, services.settings, principal)),
} satisfies RouteHandlers;
