/** People search for admins: choosing organisation-goal owners and whose data to erase. */
import { assertAdmin } from "../domain/admin.js";
import { AppError } from "../domain/errors.js";
import type { Person } from "../domain/types.js";
import { json, type RouteHandlers } from "./pipeline.js";
import { idSchema } from "./schemas.js";

const MAX_RESULTS = 20;

function toResult(person: Person) {
  return { id: person.id, displayName: person.displayName, jobTitle: person.jobTitle, department: person.department, mail: person.mail, isEnabled: person.accountEnabled };
}

export function matchesQuery(person: Person, words: string[]): boolean {
  const text = [person.displayName, person.mail ?? "", person.jobTitle ?? "", person.department ?? ""].join(" ").toLowerCase();
  return words.every((word) => text.includes(word));
}

export const adminPeopleHandlers = {
  "admin-people-search": async ({ services, principal, query }) => {
    assertAdmin(principal, "search the directory");
    const text = (query.get("q") ?? "").trim();
    if (text.length < 2 || text.length > 100) throw new AppError("validation_failed", "Type at least two characters.", { errors: [{ path: "q", message: "Between 2 and 100 characters." }] });
    if (idSchema.safeParse(text).success) {
      const exact = await services.directory.getPerson(principal.tenantId, text);
      if (exact) return json(200, { items: [toResult(exact)] });
    }
    const words = text.toLowerCase().split(/\s+/);
    const items: Person[] = [];
    for await (const person of services.progress.listPeople(principal.tenantId)) {
      if (matchesQuery(person, words)) items.push(person);
      if (items.length >= MAX_RESULTS) break;
    }
    items.sort((a, b) => a.displayName.localeCompare(b.displayName));
    return json(200, { items: items.map(toResult) });
  },
} satisfies RouteHandlers;
