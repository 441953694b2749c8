/** Reminder settings per tenant, and per person: when they were last reminded or sent a digest,
 * their time zone when Teams told us, and the language they last used Cascade in. One small partition per tenant for each. */
import type { ReminderSettings } from "../contracts/admin.js";
import { DEFAULT_REMINDER_SETTINGS } from "../domain/reminders.js";
import { getEntityOrNull, makeKey, quoteOData, type TableFactory } from "./tables.js";

export const REMINDERS_TABLE = "reminders";

export interface PersonReminderState {
  personId: string;
  lastReminderAt: string | null;
  lastDigestAt: string | null;
  timeZone: string | null;
  /** The language the person last used Cascade in (a supported locale such as "de"). */
  locale: string | null;
}

export interface ReminderStore {
  readonly tables: string[];
  getSettings(tenantId: string): Promise<ReminderSettings>;
  saveSettings(tenantId: string, settings: ReminderSettings): Promise<void>;
  /** Everyone with any state in the tenant, keyed by person id. */
  listStates(tenantId: string): Promise<Map<string, PersonReminderState>>;
  getState(tenantId: string, personId: string): Promise<PersonReminderState>;
  /** Merges the given fields into the person's state. */
  updateState(tenantId: string, personId: string, fields: Partial<Omit<PersonReminderState, "personId">>): Promise<void>;
}

interface StateEntity {
  rowKey?: string;
  lastReminderAt?: string;
  lastDigestAt?: string;
  timeZone?: string;
  locale?: string;
}

const toState = (personId: string, e: StateEntity | null): PersonReminderState => ({
  personId,
  lastReminderAt: e?.lastReminderAt || null,
  lastDigestAt: e?.lastDigestAt || null,
  timeZone: e?.timeZone || null,
  locale: e?.locale || null,
});

export function createReminderStore(factory: TableFactory): ReminderStore {
  const table = factory.getClient(REMINDERS_TABLE);
  const statePartition = (tenantId: string) => makeKey(tenantId, "people");
  return {
    tables: [REMINDERS_TABLE],
    async getSettings(tenantId) {
      const entity = await getEntityOrNull<{ settings: string }>(table, makeKey(tenantId), "settings");
      return entity ? { ...DEFAULT_REMINDER_SETTINGS, ...(JSON.parse(entity.settings) as Partial<ReminderSettings>) } : DEFAULT_REMINDER_SETTINGS;
    },
    async saveSettings(tenantId, settings) {
      await table.upsertEntity({ partitionKey: makeKey(tenantId), rowKey: "settings", settings: JSON.stringify(settings) }, "Replace");
    },
    async listStates(tenantId) {
      const states = new Map<string, PersonReminderState>();
      const filter = `PartitionKey eq ${quoteOData(statePartition(tenantId))}`;
      for await (const e of table.listEntities<StateEntity>({ queryOptions: { filter } })) states.set(e.rowKey!, toState(e.rowKey!, e));
      return states;
    },
    async getState(tenantId, personId) {
      return toState(personId, await getEntityOrNull<StateEntity>(table, statePartition(tenantId), personId));
    },
    async updateState(tenantId, personId, fields) {
      const props = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v ?? ""]));
      await table.upsertEntity({ partitionKey: statePartition(tenantId), rowKey: personId, ...props }, "Merge");
    },
  };
}
