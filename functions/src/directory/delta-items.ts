/** Reads items of Microsoft Graph's users delta into patches. In the first round every item is a
 * whole user; in later rounds an item may carry only what changed, and the same user may appear on
 * several pages, so items merge: later fields win, untouched fields stay. */
import type { PersonFields, PersonPatch } from "../store/org-packing.js";

export const USER_DELTA_SELECT = "id,displayName,mail,userPrincipalName,jobTitle,department,preferredLanguage,accountEnabled,manager";

interface ManagerRef {
  id?: unknown;
  "@removed"?: unknown;
}

export type DeltaEntry =
  | { kind: "upsert"; patch: PersonPatch }
  /** "changed" is a soft delete (restorable for 30 days), "deleted" is permanent; both mean the person left. */
  | { kind: "removed"; id: string; reason: "changed" | "deleted" };

function readString(item: Record<string, unknown>, key: string): string | null | undefined {
  if (!(key in item)) return undefined;
  const value = item[key];
  return typeof value === "string" ? value : null;
}

/** manager@delta lists manager links; one marked @removed takes the manager away. */
function readManager(item: Record<string, unknown>, isWholeUser: boolean): string | null | undefined {
  const links = item["manager@delta"];
  if (!Array.isArray(links)) return isWholeUser ? null : undefined;
  const current = (links as ManagerRef[]).filter((link) => !link["@removed"] && typeof link.id === "string" && link.id.length > 0);
  return current.length > 0 ? (current[current.length - 1]!.id as string) : null;
}

/** Null for an item that is not a user (no id). */
export function readDeltaItem(raw: unknown, isWholeUser: boolean): DeltaEntry | null {
  if (typeof raw !== "object" || raw === null) return null;
  const item = raw as Record<string, unknown>;
  if (typeof item.id !== "string" || item.id.length === 0) return null;
  const removed = item["@removed"] as { reason?: unknown } | undefined;
  if (removed) return { kind: "removed", id: item.id, reason: removed.reason === "changed" ? "changed" : "deleted" };
  const fields: Partial<PersonFields> = {};
  const displayName = readString(item, "displayName");
  const upn = readString(item, "userPrincipalName");
  if (displayName !== undefined || isWholeUser) fields.displayName = displayName || upn || item.id;
  for (const key of ["mail", "userPrincipalName", "jobTitle", "department", "preferredLanguage"] as const) {
    const value = readString(item, key);
    if (value !== undefined) fields[key] = value;
    else if (isWholeUser) fields[key] = null;
  }
  if ("accountEnabled" in item || isWholeUser) fields.accountEnabled = item.accountEnabled !== false;
  const managerId = readManager(item, isWholeUser);
  if (managerId !== undefined) fields.managerId = managerId;
  return { kind: "upsert", patch: { id: item.id, fields } };
}

export function mergeDeltaEntries(previous: DeltaEntry | undefined, next: DeltaEntry): DeltaEntry {
  if (!previous || previous.kind === "removed" || next.kind === "removed") return next;
  return { kind: "upsert", patch: { id: next.patch.id, fields: { ...previous.patch.fields, ...next.patch.fields } } };
}
