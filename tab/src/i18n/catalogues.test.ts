/** Every language has every message of the English catalogue, with the same arguments of the same
 * kinds, and nothing English does not have; every message parses. */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isStructurallySame, parse } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { SUPPORTED_LOCALES } from "../../../cards/src/i18n/locales.js";

const DIR = fileURLToPath(new URL("./messages/", import.meta.url));
const read = (locale: string) => JSON.parse(readFileSync(`${DIR}${locale}.json`, "utf8")) as Record<string, string>;
const english = read("en");

describe("the tab's message catalogues", () => {
  it("has one catalogue per supported language, and no other", () => {
    const files = readdirSync(DIR).filter((name) => name.endsWith(".json")).map((name) => name.replace(/\.json$/, ""));
    expect(files.sort()).toEqual([...SUPPORTED_LOCALES].sort());
  });

  for (const locale of SUPPORTED_LOCALES.filter((candidate) => candidate !== "en")) {
    it(`${locale} has every English key and no other`, () => {
      const catalogue = read(locale);
      expect(Object.keys(catalogue).filter((id) => !(id in english))).toEqual([]);
      expect(Object.keys(english).filter((id) => !(id in catalogue))).toEqual([]);
    });

    it(`${locale} messages take the same arguments as English`, () => {
      const catalogue = read(locale);
      const mismatches = Object.entries(english).flatMap(([id, message]) => {
        const translated = catalogue[id];
        if (translated === undefined) return [];
        const result = isStructurallySame(parse(message), parse(translated));
        return result.success ? [] : [`${id}: ${result.error?.message}`];
      });
      expect(mismatches).toEqual([]);
    });

    it(`${locale} is translated, not a copy of English`, () => {
      const catalogue = read(locale);
      // Names, codes and pure placeholders read the same everywhere; a sentence should not.
      const copied = Object.entries(english).filter(([id, message]) => catalogue[id] === message && /[a-z]{3,}\s+[a-z]{3,}/i.test(message.replace(/\{[^{}]*\}/g, "")));
      expect(copied.map(([id]) => id)).toEqual([]);
    });
  }
});
