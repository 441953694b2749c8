/** The tab's translator over a catalogue as it is on disk (ICU strings, parsed here), for tests of the
 * tab's plain logic. English unless told otherwise; UTC so dates do not depend on the machine. */
import { createIntl } from "@formatjs/intl";
import en from "../../tab/src/i18n/messages/en.json";
import { createTranslator, type Translator } from "../../tab/src/i18n/translator.js";

export function createTestTranslator(locale = "en", messages: Record<string, string> = en, timeZone = "UTC"): Translator {
  return createTranslator(createIntl({ locale, messages, timeZone, defaultLocale: "en" }));
}

export const english = createTestTranslator();
