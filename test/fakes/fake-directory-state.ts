/** The directory behind the Graph fake: users, a change log for delta rounds, and the mutations tests
 * use (change manager, soft or hard delete, restore, hire). Sequence numbers play the role of Graph's
 * delta watermarks. */
import type { DirectoryUser } from "./org-generator.js";

export type UserField = "displayName" | "mail" | "userPrincipalName" | "jobTitle" | "department" | "preferredLanguage" | "accountEnabled" | "manager";

type ChangeKind = "created" | "updated" | "softDeleted" | "restored" | "hardDeleted";

interface LogEntry {
  seq: number;
  id: string;
  kind: ChangeKind;
  fields: UserField[];
  previousManagerId: string | null;
}

/** What happened to one user between two watermarks. */
export interface UserChangeSummary {
  id: string;
  isNew: boolean;
  fields: Set<UserField>;
  /** The manager at the start of the window, for manager@delta removals; undefined if it did not change. */
  managerAtStart?: string | null;
}

export class FakeDirectoryState {
  readonly users = new Map<string, DirectoryUser>();
  readonly softDeleted = new Map<string, DirectoryUser>();
  private readonly log: LogEntry[] = [];
  private sortedIds: string[] | null = null;
  seq = 0;

  constructor(initial: DirectoryUser[]) {
    for (const user of initial) this.users.set(user.id, { ...user });
  }

  /** Current users in id order (cached until someone joins or leaves). */
  listIds(): string[] {
    this.sortedIds ??= [...this.users.keys()].sort();
    return this.sortedIds;
  }

  private record(id: string, kind: ChangeKind, fields: UserField[] = [], previousManagerId: string | null = null): void {
    this.log.push({ seq: ++this.seq, id, kind, fields, previousManagerId });
  }

  addUser(user: DirectoryUser): void {
    this.users.set(user.id, { ...user });
    this.sortedIds = null;
    this.record(user.id, "created");
  }

  updateUser(id: string, changes: Partial<Omit<DirectoryUser, "id" | "managerId">>): void {
    const user = this.mustGet(id);
    Object.assign(user, changes);
    this.record(id, "updated", Object.keys(changes) as UserField[]);
  }

  setManager(id: string, managerId: string | null): void {
    const user = this.mustGet(id);
    const previous = user.managerId;
    user.managerId = managerId;
    this.record(id, "updated", ["manager"], previous);
  }

  softDelete(id: string): void {
    this.softDeleted.set(id, this.mustGet(id));
    this.users.delete(id);
    this.sortedIds = null;
    this.record(id, "softDeleted");
  }

  restore(id: string): void {
    const user = this.softDeleted.get(id);
    if (!user) throw new Error(`No soft-deleted user ${id}`);
    this.softDeleted.delete(id);
    this.users.set(id, user);
    this.sortedIds = null;
    this.record(id, "restored");
  }

  hardDelete(id: string): void {
    this.users.delete(id);
    this.softDeleted.delete(id);
    this.sortedIds = null;
    this.record(id, "hardDeleted");
  }

  private mustGet(id: string): DirectoryUser {
    const user = this.users.get(id);
    if (!user) throw new Error(`No user ${id}`);
    return user;
  }

  /** Users changed after watermark `from` up to `to`, in the order of their first change. */
  changesBetween(from: number, to: number): UserChangeSummary[] {
    const byId = new Map<string, UserChangeSummary>();
    let low = 0;
    let high = this.log.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.log[mid]!.seq <= from) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < this.log.length && this.log[i]!.seq <= to; i++) {
      const entry = this.log[i]!;
      let summary = byId.get(entry.id);
      if (!summary) {
        summary = { id: entry.id, isNew: false, fields: new Set() };
        byId.set(entry.id, summary);
      }
      if (entry.fields.includes("manager") && !summary.fields.has("manager")) summary.managerAtStart = entry.previousManagerId;
      if (entry.kind === "created" || entry.kind === "restored") summary.isNew = true;
      for (const field of entry.fields) summary.fields.add(field);
    }
    return [...byId.values()];
  }
}
