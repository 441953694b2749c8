/** How the Graph fake renders users and delta items, and its opaque paging tokens. */
import type { FakeDirectoryState, UserChangeSummary, UserField } from "./fake-directory-state.js";
import type { DirectoryUser } from "./org-generator.js";

const ALL_FIELDS: UserField[] = ["displayName", "mail", "userPrincipalName", "jobTitle", "department", "preferredLanguage", "accountEnabled", "manager"];
const USER_TYPE = "#microsoft.graph.user";

export interface DeltaItemSpec {
  id: string;
  /** Only these changed fields (partial rounds); absent means the whole user or a removal. */
  fields?: UserField[];
  managerAtStart?: string | null;
}

export function encodeToken(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export function decodeToken(token: string): unknown {
  return JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
}

export function parseSelect(select: string | null): Set<UserField> {
  if (!select) return new Set(ALL_FIELDS);
  const wanted = new Set(select.split(",").map((s) => s.trim()));
  return new Set(ALL_FIELDS.filter((field) => wanted.has(field)));
}

function managerLink(id: string, isRemoved = false): Record<string, unknown> {
  return isRemoved ? { "@odata.type": USER_TYPE, id, "@removed": { reason: "deleted" } } : { "@odata.type": USER_TYPE, id };
}

/** A user as /users (manager expanded on request) or a delta round (manager@delta) shows it. */
export function renderUser(user: DirectoryUser, select: Set<UserField>, manager: "expand" | "delta" | "none"): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const field of select) if (field !== "manager") item[field] = user[field] ?? null;
  item.id = user.id;
  if (manager === "expand" && user.managerId) item.manager = managerLink(user.managerId);
  if (manager === "delta" && select.has("manager") && user.managerId) item["manager@delta"] = [managerLink(user.managerId)];
  return item;
}

function renderManagerChange(user: DirectoryUser, managerAtStart: string | null | undefined): unknown[] {
  if (user.managerId) return [managerLink(user.managerId)];
  return managerAtStart ? [managerLink(managerAtStart, true)] : [];
}

export function renderDeltaItem(state: FakeDirectoryState, spec: DeltaItemSpec, select: Set<UserField>, isPartial: boolean): Record<string, unknown> {
  const user = state.users.get(spec.id);
  if (!user) return { id: spec.id, "@removed": { reason: state.softDeleted.has(spec.id) ? "changed" : "deleted" } };
  if (!spec.fields) return renderUser(user, select, "delta");
  const changed = new Set(spec.fields);
  const item = isPartial ? { id: user.id } : renderUser(user, select, "delta");
  if (isPartial) for (const field of spec.fields) if (field !== "manager" && select.has(field)) (item as Record<string, unknown>)[field] = user[field] ?? null;
  if (changed.has("manager") && select.has("manager")) (item as Record<string, unknown>)["manager@delta"] = renderManagerChange(user, spec.managerAtStart);
  return item;
}

/** One item per changed user; with duplicates on, a partial change is split and its second half is
 * sent again at the end, so a client must merge items across pages. */
export function buildDeltaItems(changes: UserChangeSummary[], options: { isPartial: boolean; hasDuplicates: boolean }): DeltaItemSpec[] {
  const items: DeltaItemSpec[] = [];
  const tail: DeltaItemSpec[] = [];
  for (const change of changes) {
    if (change.isNew || change.fields.size === 0) {
      items.push({ id: change.id });
      continue;
    }
    const fields = [...change.fields];
    if (options.hasDuplicates && options.isPartial && fields.length >= 2) {
      const half = Math.ceil(fields.length / 2);
      items.push({ id: change.id, fields: fields.slice(0, half), managerAtStart: change.managerAtStart });
      tail.push({ id: change.id, fields: fields.slice(half), managerAtStart: change.managerAtStart });
    } else {
      items.push({ id: change.id, fields, managerAtStart: change.managerAtStart });
      if (options.hasDuplicates) tail.push({ id: change.id, fields, managerAtStart: change.managerAtStart });
    }
  }
  return [...items, ...tail];
}
