/** The catalogues: English ships with the first download (it is also the fallback for any missing
 * message); every other language is fetched only by the people who read it. Catalogues arrive already
 * compiled (see tab/scripts/compile-messages.ts), so the tab carries no ICU parser. */
import type { MessageFormatElement } from "react-intl";
import en from "./messages/en.json";
import { PSEUDO_LOCALE, type TabLocale } from "./locales.js";

export type CompiledMessages = Record<string, MessageFormatElement[] | string>;
type Loader = () => Promise<{ default: unknown }>;

export const ENGLISH_MESSAGES = en as unknown as CompiledMessages;

/** One line per language (a language without one reads English); the pseudo-locale is English,
 * accented and lengthened at build time. */
const LOADERS: Partial<Record<TabLocale, Loader>> = {
  de: () => import("./messages/de.json"),
  fr: () => import("./messages/fr.json"),
  es: () => import("./messages/es.json"),
  ja: () => import("./messages/ja.json"),
  ar: () => import("./messages/ar.json"),
  [PSEUDO_LOCALE]: () => import("./messages/en.json?pseudo"),
};

export async function loadMessages(locale: TabLocale): Promise<CompiledMessages> {
  const load = LOADERS[locale];
  if (locale === "en" || !load) return ENGLISH_MESSAGES;
  return (await load()).default as CompiledMessages;
}
