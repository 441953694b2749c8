/** The org chart, reminder state and the directory sync's bookkeeping. */
import { decodePeople, toPatch, type PersonPatch } from "./org-packing.js";
import type { DirectoryChange } from "../domain/ports.js";
import { createTableDirectory } from "./directory-store.js";
import { REMINDERS_TABLE } from "./reminder-store.js";
import { createSyncStateStore } from "./sync-state-store.js";
import { isNotFound, TABLE_NAMES, type TableFactory } from "./tables.js";
import { readTenantPage, stripMetadata, type ErasureContext, type ExportRecord, type StoredEntity, type TenantDataStore } from "./tenant-data.js";
import { decideUsual, sweepTables } from "./tenant-sweep.js";

function toPeopleRecords(entity: StoredEntity): ExportRecord[] {
  return decodePeople(entity).map((person) => ({ section: "people", record: person }));
}

function toReminderRecords(entity: StoredEntity): ExportRecord[] {
  const { partitionKey, rowKey, ...rest } = stripMetadata(entity);
  if (rowKey === "settings") return [{ section: "settings", record: { kind: "reminders", ...(JSON.parse(String(rest["settings"] ?? "{}")) as object) } }];
  // Close-out cards sent (one partition per cycle) and cycles whose close-out was announced (see close-out-notice-store.ts).
  const [, kind, cycleId] = partitionKey.split("|");
  if (kind === "closeout") return [{ section: "closeOutNotices", record: cycleId === undefined ? { cycleId: rowKey, ...rest } : { cycleId, personId: rowKey, ...rest } }];
  return [{ section: "reminderStates", record: { personId: rowKey, ...rest, partition: partitionKey.split("|").slice(1).join("|") } }];
}

/** Reports of the person move to the successor; the person leaves the directory. The erasure
 * moved them already through the domain; this pass catches anyone the reports index missed. */
async function clearDirectory(factory: TableFactory, context: ErasureContext, report: (scanned: number) => void): Promise<number> {
  const people = factory.getClient(TABLE_NAMES.people);
  const patches: PersonPatch[] = [];
  let isListed = false;
  let token: string | null = null;
  let scanned = 0;
  do {
    const page = await readTenantPage(people, context.tenantId, token, 1000);
    for (const person of page.rows.flatMap((row) => decodePeople(row))) {
      if (person.id === context.personId) isListed = true;
      else if (person.managerId === context.personId) patches.push(toPatch({ ...person, managerId: context.successorId }));
    }
    report((scanned += page.rows.length));
    token = page.next;
  } while (token);
  if (!isListed && patches.length === 0) return 0;
  const result = await createTableDirectory(factory).applyUpdate(context.tenantId, { patches, removals: isListed ? [context.personId] : [] });
  return result.written + result.removed;
}

function rewriteChange(change: DirectoryChange, context: ErasureContext): DirectoryChange | null {
  if (change.personId === context.personId) return null;
  const swap = (id: string | null) => (id === context.personId ? context.successorId : id);
  return change.kind === "left" ? { ...change, formerManagerId: swap(change.formerManagerId) } : { ...change, fromManagerId: swap(change.fromManagerId), toManagerId: swap(change.toManagerId) };
}

/** Directory changes still waiting for the goal side keep, without the person. */
async function clearOutbox(factory: TableFactory, context: ErasureContext): Promise<number> {
  const state = createSyncStateStore(factory);
  const entries = await state.readOutbox(context.tenantId).catch((error: unknown) => (isNotFound(error) ? [] : Promise.reject(error)));
  const isAbout = (change: DirectoryChange) =>
    [change.personId, ...(change.kind === "left" ? [change.formerManagerId] : [change.fromManagerId, change.toManagerId])].includes(context.personId);
  const affected = entries.filter((entry) => entry.changes.some(isAbout));
  if (affected.length === 0) return 0;
  const remaining = affected.flatMap((entry) => entry.changes.map((change) => rewriteChange(change, context)).filter((c): c is DirectoryChange => c !== null));
  if (remaining.length > 0) await state.addToOutbox(context.tenantId, remaining);
  await state.removeFromOutbox(context.tenantId, affected);
  return affected.length;
}

export function createPeopleData(factory: TableFactory): TenantDataStore {
  return {
    tables: [TABLE_NAMES.people, TABLE_NAMES.reports, REMINDERS_TABLE, TABLE_NAMES.state],
    exports: [
      { table: TABLE_NAMES.people, toRecords: toPeopleRecords },
      { table: REMINDERS_TABLE, toRecords: toReminderRecords },
    ],
    derived: {
      [TABLE_NAMES.reports]: "each manager's reports, rebuilt from the people and their managers",
      [TABLE_NAMES.state]: "the directory sync's lease, Graph delta link and changes waiting to be applied",
    },
    async erasePerson(context, report) {
      const directory = await clearDirectory(factory, context, report);
      const outbox = await clearOutbox(factory, context);
      const swept = await sweepTables(
        [REMINDERS_TABLE, TABLE_NAMES.state].map((name) => ({ client: factory.getClient(name), name, decide: (entity: StoredEntity) => decideUsual(entity, context, "delete") })),
        context.tenantId,
        report,
      );
      return { [TABLE_NAMES.people]: directory, ...swept, [TABLE_NAMES.state]: (swept[TABLE_NAMES.state] ?? 0) + outbox };
    },
  };
}
