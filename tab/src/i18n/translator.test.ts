import { createIntl } from "@formatjs/intl";
import { describe, expect, it } from "vitest";
import { findUnlocalizedText } from "../../../cards/src/i18n/pseudo-text.js";
import en from "./messages/en.json";
import { createTranslator } from "./translator.js";

const intl = createIntl({ locale: "en", messages: en, timeZone: "UTC", defaultLocale: "en" });

describe("the translator in the pseudo-locale", () => {
  const pseudo = createTranslator(intl, { locale: "qps-ploc" });
  const english = createTranslator(intl);

  it("accents the dates, weekdays and hours it borrows from English", () => {
    for (const text of [pseudo.formatDay("2027-03-31"), pseudo.formatDateTime("2027-03-31T09:30:00Z"), pseudo.formatWeekday(1), pseudo.formatHour(15)]) {
      expect(findUnlocalizedText(text), text).toBeUndefined();
    }
    expect(english.formatWeekday(1)).toBe("Monday");
    expect(pseudo.formatWeekday(1)).toBe("Ṁööñðååýý");
  });

  it("accents a list's own words but keeps the items as they are", () => {
    expect(pseudo.formatList(["Ada", "Grace $&", "Linus"])).toBe("Ada, Grace $&, ååñð Linus");
    expect(english.formatList(["Ada", "Grace", "Linus"])).toBe("Ada, Grace, and Linus");
  });
});
