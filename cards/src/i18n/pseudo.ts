/** Pseudo-localisation: every letter of the literal text accented and the text lengthened by about
 * a third, inside brackets, so a screen or card shows at a glance which text skipped the catalogue
 * (plain ASCII letters) and which was clipped (a missing bracket). Placeholders, plural and select
 * keywords, `#` and tags are left exactly as they are, so the message formats with the same values. */
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { printAST } from "@formatjs/icu-messageformat-parser/printer.js";
import { PSEUDO_CLOSE, PSEUDO_OPEN, pseudoLocalizeText } from "./pseudo-text.js";

export { PSEUDO_CLOSE, PSEUDO_OPEN, findUnlocalizedText, pseudoLocalizeText } from "./pseudo-text.js";

/** Pseudo-localise an ICU message (as the catalogues hold them); throws on a message that does not parse. */
export function pseudoLocalize(icuMessage: string): string {
  const ast = parse(icuMessage);
  return printAST([
    { type: TYPE.literal, value: PSEUDO_OPEN },
    ...ast.map(transformElement),
    { type: TYPE.literal, value: PSEUDO_CLOSE },
  ]);
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
