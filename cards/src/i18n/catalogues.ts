/** The card and bot message catalogues, one ICU message per key and language. English is the source:
 * its keys are the message ids, and a test holds every other catalogue to the same keys and arguments. */
import ar from "./messages/ar.json" with { type: "json" };
import de from "./messages/de.json" with { type: "json" };
import en from "./messages/en.json" with { type: "json" };
import es from "./messages/es.json" with { type: "json" };
import fr from "./messages/fr.json" with { type: "json" };
import ja from "./messages/ja.json" with { type: "json" };
import { PSEUDO_LOCALE, type CatalogueLocale, type Locale } from "./locales.js";
import { pseudoLocalize } from "./pseudo.js";

export type MessageId = keyof typeof en;
export type Catalogue = Record<MessageId, string>;

export const CATALOGUES: Readonly<Record<CatalogueLocale, Readonly<Record<string, string>>>> = { en, de, fr, es, ja, ar };

/** Made on first use: only a pseudo-locale test or a tester's browser ever asks for it. */
let pseudoCatalogue: Catalogue | null = null;

export function getCatalogue(locale: Locale): Readonly<Record<string, string>> {
  if (locale !== PSEUDO_LOCALE) return CATALOGUES[locale];
  pseudoCatalogue ??= Object.fromEntries(Object.entries(en).map(([id, message]) => [id, pseudoLocalize(message)])) as Catalogue;
  return pseudoCatalogue;
}
