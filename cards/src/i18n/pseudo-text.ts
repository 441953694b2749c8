/** Pseudo-localising text that is already formatted (a date or a list from Intl), and finding text
 * that was not: no message parser here, so the tab can use it without carrying one. */

const PLAIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const ACCENTED = "ÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŦÛṼŴẊÝŽåƀçðéƒĝĥîĵķļṁñöþǫŕšŧûṽŵẋýž";
const ACCENT = new Map([...PLAIN].map((letter, index) => [letter, [...ACCENTED][index] ?? letter]));
const VOWELS = new Set([..."AEIOUYaeiouy"]);

export const PSEUDO_OPEN = "[";
export const PSEUDO_CLOSE = "]";

/** Pseudo-localise already formatted text (a date or a unit from Intl), without brackets. */
export function pseudoLocalizeText(text: string): string {
  let result = "";
  for (const char of text) {
    const accented = ACCENT.get(char) ?? char;
    result += VOWELS.has(char) ? accented + accented : accented;
  }
  return result;
}

/** The first run of plain ASCII letters in a text: pseudo-localised text has none, so any found came
 * from outside the catalogue (or from data that the caller put in). */
export function findUnlocalizedText(text: string): string | undefined {
  return /[A-Za-z]+/.exec(text)?.[0];
}
