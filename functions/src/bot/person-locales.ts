/** The language Cascade writes to a person in when they are not the one acting (approval requests,
 * reminders, digests, news about their goals), and the record of the language they use it in. */
import { findSupportedLocale } from "../../../cards/src/i18n/locales.js";
import type { TenantPolicy } from "../domain/goal-context.js";
import type { DirectoryReader } from "../domain/ports.js";
import type { PersonReminderState } from "../store/reminder-store.js";
import type { PersonLocales } from "./card-locale.js";

export interface PersonLocaleDeps {
  reminders: {
    getState(tenantId: string, personId: string): Promise<PersonReminderState>;
    updateState(tenantId: string, personId: string, fields: { locale: string }): Promise<void>;
  };
  directory: DirectoryReader;
  tenantPolicy(tenantId: string): Promise<TenantPolicy>;
}

/** Enough people for a busy instance; past it the oldest entries go and cost one read when they return. */
const CACHE_LIMIT = 20_000;

export function createPersonLocales(deps: PersonLocaleDeps): PersonLocales {
  /** What this instance last read or wrote for a person, so a request in the same language costs nothing. */
  const known = new Map<string, string | null>();
  const remember = (key: string, locale: string | null) => {
    known.delete(key);
    known.set(key, locale);
    if (known.size > CACHE_LIMIT) known.delete(known.keys().next().value!);
  };
  return {
    async findLocale(tenantId, personId) {
      const [state, person] = await Promise.all([deps.reminders.getState(tenantId, personId), deps.directory.getPerson(tenantId, personId)]);
      const chosen = findSupportedLocale(state.locale) ?? findSupportedLocale(person?.preferredLanguage);
      return chosen ?? findSupportedLocale((await deps.tenantPolicy(tenantId)).defaultLocale) ?? null;
    },
    async noteLocale(tenantId, personId, requested) {
      const locale = findSupportedLocale(requested);
      if (!locale) return;
      const key = `${tenantId}|${personId}`;
      if (known.get(key) === locale) return;
      const stored = known.has(key) ? known.get(key) : (await deps.reminders.getState(tenantId, personId)).locale;
      if (stored !== locale) await deps.reminders.updateState(tenantId, personId, { locale });
      remember(key, locale);
    },
  };
}
