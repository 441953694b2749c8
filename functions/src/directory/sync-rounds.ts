/** One round of Graph's users delta, applied to the directory store. A full round reads every user
 * (the first round, or a resync after the service forgot our watermark) and replaces the tenant's
 * directory; a delta round applies only what changed since the saved deltaLink. */
import { GraphError } from "@microsoft/microsoft-graph-client";
import type { ApplyResult, TableDirectory } from "../store/directory-store.js";
import { mergeDeltaEntries, readDeltaItem, USER_DELTA_SELECT, type DeltaEntry } from "./delta-items.js";
import { findAnomalies, type DirectoryAnomaly } from "./directory-changes.js";
import type { GraphApi } from "../graph/graph-client.js";
import type { PersonPatch } from "../store/org-packing.js";
import type { PersonChange } from "../store/org-plan.js";
import { findChainAnomalies } from "./sync-checks.js";

export interface SyncProgress {
  phase: "reading" | "writing" | "done";
  mode: "full" | "delta";
  usersSeen: number;
}

export interface RoundContext {
  tenantId: string;
  api: GraphApi;
  directory: TableDirectory;
  /** Called between pages; extends the lease when due. */
  keepAlive(): Promise<void>;
  progress(progress: SyncProgress): void;
}

export interface RoundOutcome {
  mode: "full" | "delta";
  deltaLink: string;
  usersSeen: number;
  written: number;
  removed: number;
  changes: Map<string, PersonChange>;
  anomalies: DirectoryAnomaly[];
}

interface DeltaPage {
  value?: unknown[];
  "@odata.nextLink"?: string;
  "@odata.deltaLink"?: string;
}

/** Large delta rounds are written in slices so memory stays bounded. */
const DELTA_FLUSH_USERS = 20_000;
export const INITIAL_DELTA_PATH = `/users/delta?$select=${USER_DELTA_SELECT}`;

/** Graph forgot the watermark (410 Gone, or a sync-state error code): only a full round helps. */
export function isResyncRequired(error: unknown): boolean {
  return error instanceof GraphError && (error.statusCode === 410 || /syncStateNotFound|resyncRequired|syncStateInvalid/i.test(error.code ?? ""));
}

/** Follows nextLinks to the deltaLink. The next page is requested as soon as its link is known, so
 * Graph prepares it while this one is being processed. */
async function readPages(ctx: RoundContext, start: string, mode: RoundOutcome["mode"], onPage: (entries: DeltaEntry[]) => Promise<number>): Promise<string> {
  let request = ctx.api.get<DeltaPage>(start);
  for (;;) {
    const page = await request;
    const deltaLink = page["@odata.deltaLink"];
    const nextLink = page["@odata.nextLink"];
    if (!deltaLink && !nextLink) throw new Error("A Graph delta page had neither a nextLink nor a deltaLink.");
    if (!deltaLink) {
      request = ctx.api.get<DeltaPage>(nextLink!);
      // If this page fails below, the prefetch's own failure must not go unobserved.
      request.catch(() => undefined);
    }
    const entries = (page.value ?? []).map((raw) => readDeltaItem(raw, mode === "full")).filter((e): e is DeltaEntry => e !== null);
    ctx.progress({ phase: "reading", mode, usersSeen: await onPage(entries) });
    if (deltaLink) return deltaLink;
    await ctx.keepAlive();
  }
}

function splitEntries(entries: Iterable<DeltaEntry>): { patches: PersonPatch[]; removals: string[] } {
  const patches: PersonPatch[] = [];
  const removals: string[] = [];
  for (const entry of entries) {
    if (entry.kind === "upsert") patches.push(entry.patch);
    else removals.push(entry.id);
  }
  return { patches, removals };
}

/** One string per distinct value: a million users share far fewer managers, titles and departments. */
function createInterner(): (value: string | null | undefined) => string | null | undefined {
  const seen = new Map<string, string>();
  return (value) => {
    if (typeof value !== "string") return value;
    const known = seen.get(value);
    if (known !== undefined) return known;
    seen.set(value, value);
    return value;
  };
}

/** Reads every user. In its own function so the interner is let go once the reading ends. */
async function readAllUsers(ctx: RoundContext): Promise<{ users: Map<string, PersonPatch>; deltaLink: string }> {
  // Every item of a first round is a whole user, so the last one seen of each id is the user.
  const users = new Map<string, PersonPatch>();
  const intern = createInterner();
  const deltaLink = await readPages(ctx, INITIAL_DELTA_PATH, "full", async (entries) => {
    for (const entry of entries) {
      if (entry.kind === "removed") {
        users.delete(entry.id);
        continue;
      }
      const { fields } = entry.patch;
      for (const key of ["managerId", "jobTitle", "department", "preferredLanguage"] as const) fields[key] = intern(fields[key]);
      // Most tenants sign people in with their mail address: one string serves both.
      if (fields.userPrincipalName === fields.mail) fields.userPrincipalName = fields.mail;
      users.set(entry.patch.id, entry.patch);
    }
    return users.size;
  });
  return { users, deltaLink };
}

export async function runFullRound(ctx: RoundContext): Promise<RoundOutcome> {
  const { users, deltaLink } = await readAllUsers(ctx);
  ctx.progress({ phase: "writing", mode: "full", usersSeen: users.size });
  // The store files each patch as it is handed over, so the map empties as the update fills.
  const ids: string[] = [];
  function* handOver(): Iterable<PersonPatch> {
    for (const [id, patch] of users) {
      users.delete(id);
      ids.push(id);
      yield patch;
    }
    // An emptied map keeps the table it grew to until cleared.
    users.clear();
  }
  const applied = await ctx.directory.applyUpdate(ctx.tenantId, { patches: handOver(), isComplete: true });
  // Everyone is in the update, so the update's own view of the directory answers every chain.
  const anomalies = findAnomalies(ids, (id) => {
    const person = applied.lookup(id);
    return person ? person.managerId : undefined;
  });
  return { mode: "full", deltaLink, usersSeen: ids.length, written: applied.written, removed: applied.removed, changes: applied.changes, anomalies };
}

export async function runDeltaRound(ctx: RoundContext, deltaLink: string): Promise<RoundOutcome> {
  const seen = new Set<string>();
  const changes = new Map<string, PersonChange>();
  let pending = new Map<string, DeltaEntry>();
  let lookup: ApplyResult["lookup"] = () => undefined;
  const flush = async () => {
    if (pending.size === 0) return;
    const { patches, removals } = splitEntries(pending.values());
    pending = new Map();
    const applied = await ctx.directory.applyUpdate(ctx.tenantId, { patches, removals });
    for (const [id, change] of applied.changes) changes.set(id, { before: changes.has(id) ? changes.get(id)!.before : change.before, after: change.after });
    lookup = applied.lookup;
  };
  const nextLink = await readPages(ctx, deltaLink, "delta", async (entries) => {
    for (const entry of entries) {
      const id = entry.kind === "upsert" ? entry.patch.id : entry.id;
      seen.add(id);
      pending.set(id, mergeDeltaEntries(pending.get(id), entry));
    }
    if (pending.size >= DELTA_FLUSH_USERS) await flush();
    return seen.size;
  });
  ctx.progress({ phase: "writing", mode: "delta", usersSeen: seen.size });
  await flush();
  const anomalies = await findChainAnomalies(ctx.directory, ctx.tenantId, changes, lookup);
  let removed = 0;
  for (const change of changes.values()) if (!change.after) removed++;
  return { mode: "delta", deltaLink: nextLink, usersSeen: seen.size, written: changes.size - removed, removed, changes, anomalies };
}
