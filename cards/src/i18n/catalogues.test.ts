import { isStructurallySame, parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { CATALOGUES, getCatalogue } from "./catalogues.js";
import { PSEUDO_LOCALE, SUPPORTED_LOCALES } from "./locales.js";

const english = CATALOGUES.en;
const ids = Object.keys(english).sort();
const others = SUPPORTED_LOCALES.filter((locale) => locale !== "en");

/** The keys of every select in a message, which a translation must keep (plural categories differ by language). */
function listSelectKeys(elements: MessageFormatElement[], out: string[] = []): string[] {
  for (const element of elements) {
    if (element.type === TYPE.select) out.push(`${element.value}:${Object.keys(element.options).sort().join("|")}`);
    if (element.type === TYPE.select || element.type === TYPE.plural) {
      for (const option of Object.values(element.options)) listSelectKeys(option.value, out);
    }
    if (element.type === TYPE.tag) listSelectKeys(element.children, out);
  }
  return out.sort();
}

describe.each(others)("the %s catalogue", (locale) => {
  const catalogue = CATALOGUES[locale];

  it("has every key of the English catalogue and no other", () => {
    expect(Object.keys(catalogue).sort()).toEqual(ids);
  });

  it("uses the same ICU arguments, of the same types, with the same select keys", () => {
    for (const id of ids) {
      const source = parse(english[id]!);
      const translated = parse(catalogue[id] ?? "");
      const same = isStructurallySame(source, translated);
      expect(same.success, `${locale} ${id}: ${same.error?.message ?? ""}`).toBe(true);
      expect(listSelectKeys(translated), `${locale} ${id}`).toEqual(listSelectKeys(source));
    }
  });

  it("is translated, not copied from English", () => {
    const sentences = ids.filter((id) => english[id]!.split(" ").length >= 4);
    const copied = sentences.filter((id) => catalogue[id] === english[id]);
    expect(copied).toEqual([]);
  });
});

describe("the pseudo-locale catalogue", () => {
  it("is English pseudo-localised, key for key", () => {
    const pseudo = getCatalogue(PSEUDO_LOCALE);
    expect(Object.keys(pseudo).sort()).toEqual(ids);
    for (const id of ids) expect(isStructurallySame(parse(english[id]!), parse(pseudo[id]!)).success).toBe(true);
  });
});
