/** Pseudo-localisation: every letter of the literal text accented and the text lengthened by about
 * a third, inside brackets, so a screen or card shows at a glance which text skipped the catalogue
 * (plain ASCII letters) and which was clipped (a missing bracket). Placeholders, plural and select
 * keywords, `#` and tags are left exactly as they are, so the message formats with the same values. */
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { printAST } from "@formatjs/icu-messageformat-parser/printer.js";

const PLAIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const ACCENTED = "ÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŦÛṼŴẊÝŽåƀçðéƒĝĥîĵķļṁñöþǫŕšŧûṽŵẋýž";
const ACCENT = new Map([...PLAIN].map((letter, index) => [letter, [...ACCENTED][index] ?? letter]));
const VOWELS = new Set([..."AEIOUYaeiouy"]);

export const PSEUDO_OPEN = "[";
export const PSEUDO_CLOSE = "]";

/** Pseudo-localise an ICU message (as the catalogues hold them); throws on a message that does not parse. */
export function pseudoLocalize(icuMessage: string): string {
  const ast = parse(icuMessage);
  return printAST([
    { type: TYPE.literal, value: PSEUDO_OPEN },
    ...ast.map(transformElement),
    { type: TYPE.literal, value: PSEUDO_CLOSE },
  ]);
}

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

function transformElement(element: MessageFormatElement): MessageFormatElement {
  switch (element.type) {
    case TYPE.literal:
      return { ...element, value: pseudoLocalizeText(element.value) };
    case TYPE.tag:
      return { ...element, children: element.children.map(transformElement) };
    case TYPE.plural:
    case TYPE.select:
      return { ...element, options: transformOptions(element.options) };
    default:
      return element;
  }
}

function transformOptions<T extends { value: MessageFormatElement[] }>(options: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.entries(options).map(([key, option]) => [key, { ...option, value: option.value.map(transformElement) }]),
  );
}
