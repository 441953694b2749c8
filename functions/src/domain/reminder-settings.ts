/** When reminders and digests go out: the tenant's settings, which admins change, and each person's
 * time zone, which the tab reports. */
import type { ReminderSettings } from "../contracts/admin.js";
import type { ReminderSettingsPort } from "./admin.js";
import type { Principal } from "./types.js";

export interface TimeZonePort {
  updateState(tenantId: string, personId: string, fields: { timeZone: string }): Promise<void>;
}

export function readReminderSettings(deps: Pick<ReminderSettingsPort, "getSettings">, tenantId: string): Promise<ReminderSettings> {
  return deps.getSettings(tenantId);
}

/** Replaces every reminder setting; returns what was saved. */
export async function replaceReminderSettings(deps: Pick<ReminderSettingsPort, "saveSettings">, tenantId: string, settings: ReminderSettings): Promise<ReminderSettings> {
  await deps.saveSettings(tenantId, settings);
  return settings;
}

/** The caller's own time zone, used for their reminders from now on. */
export async function setTimeZone(deps: TimeZonePort, person: Principal, timeZone: string): Promise<{ timeZone: string }> {
  await deps.updateState(person.tenantId, person.userId, { timeZone });
  return { timeZone };
}
