/** The language the tab speaks to this person: the product's list and matching rules (shared with
 * the cards and the bot), fed with what the host and the browser say. */
import { directionOf, formattingLocale, matchLocale, PSEUDO_LOCALE, type Locale } from "../../../cards/src/i18n/locales.js";

export { directionOf, formattingLocale, PSEUDO_LOCALE };
export type TabLocale = Locale;

export interface LocaleSources {
  /** The page address: `?lang=` picks a language, for tests and for trying a translation. */
  search: string;
  /** What Teams, Outlook or the Microsoft 365 app says the person reads (teams-js `app.locale`). */
  hostLocale: string | null;
  /** The browser's languages, most preferred first. */
  browserLanguages: readonly string[];
}

export function resolveTabLocale({ search, hostLocale, browserLanguages }: LocaleSources): TabLocale {
  const requested = new URLSearchParams(search).get("lang");
  return matchLocale([requested, hostLocale, ...browserLanguages].filter((tag): tag is string => Boolean(tag)));
}
