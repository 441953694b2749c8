/** Vite plugin: the tab's message catalogues (tab/src/i18n/messages/*.json, ICU strings) are turned
 * into parsed messages at build time, so the browser never parses ICU and the parser stays out of
 * the bundle (see `withoutIcuParser`). `en.json?pseudo` is the pseudo-locale: English, accented and
 * lengthened, for the test that finds untranslated and clipped text. */
import { createRequire } from "node:module";
import { parse } from "@formatjs/icu-messageformat-parser";
import type { Alias, Plugin } from "vite";
import { pseudoLocalize } from "../../cards/src/i18n/pseudo.js";

const CATALOGUE = /[\\/]tab[\\/]src[\\/]i18n[\\/]messages[\\/][\w-]+\.json(?:\?(pseudo))?$/;

export function compileCatalogue(source: Record<string, string>, isPseudo: boolean): Record<string, unknown> {
  return Object.fromEntries(Object.entries(source).map(([id, message]) => [id, parse(isPseudo ? pseudoLocalize(message) : message)]));
}

export function compileMessages(): Plugin {
  return {
    name: "cascade-compile-messages",
    enforce: "pre",
    transform(code, id) {
      const match = CATALOGUE.exec(id);
      if (!match) return null;
      const isPseudo = match[1] === "pseudo";
      const compiled = JSON.stringify(compileCatalogue(JSON.parse(code) as Record<string, string>, isPseudo));
      // A plain catalogue stays JSON for Vite's own JSON handling; Vite leaves a query's import to us.
      return { code: isPseudo ? `export default ${compiled};` : compiled, map: null };
    },
  };
}

/** intl-messageformat imports the parser for strings it meets at run time; the tab only ever hands
 * it compiled messages, so the parser-free build of the same module stands in. */
export function withoutIcuParser(): Alias {
  const require = createRequire(import.meta.url);
  const entry = require.resolve("@formatjs/icu-messageformat-parser");
  return { find: /^@formatjs\/icu-messageformat-parser$/, replacement: entry.replace(/index\.js$/, "no-parser.js") };
}
