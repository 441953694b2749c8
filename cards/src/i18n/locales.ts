/** The languages Cascade speaks, and how a person's requested language is matched to one of them.
 * Shared by the tab, the cards and the bot so every surface agrees on the same answer. */

export const SUPPORTED_LOCALES = ["en", "de", "fr", "es", "ja", "ar"] as const;
export type CatalogueLocale = (typeof SUPPORTED_LOCALES)[number];

/** Windows' pseudo-locale tag: accented, lengthened text that shows untranslated or clipped strings. */
export const PSEUDO_LOCALE = "qps-ploc";
export type Locale = CatalogueLocale | typeof PSEUDO_LOCALE;

export const DEFAULT_LOCALE: CatalogueLocale = "en";

/** Right-to-left scripts by language subtag; more than we ship, so adding Hebrew or Persian needs no change here. */
const RTL_LANGUAGES = new Set(["ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb"]);

export function isSupportedLocale(value: unknown): value is Locale {
  return value === PSEUDO_LOCALE || (SUPPORTED_LOCALES as readonly unknown[]).includes(value);
}

export function isCatalogueLocale(value: unknown): value is CatalogueLocale {
  return (SUPPORTED_LOCALES as readonly unknown[]).includes(value);
}

/** BCP 47 lookup: the first requested tag whose language we ship wins ("de-AT" → "de"); a region or
 * script we do not ship falls back to its language, and a language we do not ship to the next tag,
 * then to English ("pt-BR" → "en"). A string may be one tag or a whole Accept-Language header. */
export function matchLocale(requested: string | readonly string[] | undefined | null): Locale {
  return findSupportedLocale(requested) ?? DEFAULT_LOCALE;
}

/** Like matchLocale, but undefined when nothing requested is supported, so a caller can try its next source. */
export function findSupportedLocale(requested: string | readonly string[] | undefined | null): Locale | undefined {
  for (const tag of listRequestedTags(requested)) {
    const match = matchTag(tag);
    if (match) return match;
  }
  return undefined;
}

export function isRightToLeft(locale: string): boolean {
  const language = languageOf(locale);
  return language !== undefined && RTL_LANGUAGES.has(language);
}

/** The `dir` attribute value for a locale. */
export function directionOf(locale: string): "rtl" | "ltr" {
  return isRightToLeft(locale) ? "rtl" : "ltr";
}

/** The locale Intl formats dates and numbers in: the pseudo-locale borrows English data. */
export function formattingLocale(locale: Locale): CatalogueLocale {
  return locale === PSEUDO_LOCALE ? DEFAULT_LOCALE : locale;
}

function listRequestedTags(requested: string | readonly string[] | undefined | null): string[] {
  if (!requested) return [];
  if (typeof requested !== "string") return requested.flatMap((tag) => listRequestedTags(tag));
  if (!requested.includes(",") && !requested.includes(";")) return [requested.trim()];
  return parseAcceptLanguage(requested);
}

/** Accept-Language: tags in order of their quality value, q=0 meaning "not this one". */
function parseAcceptLanguage(header: string): string[] {
  return header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";").map((piece) => piece.trim());
      const quality = params.find((param) => param.startsWith("q="));
      const q = quality === undefined ? 1 : Number(quality.slice(2));
      return { tag, q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.tag !== "" && entry.tag !== "*" && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}

function matchTag(tag: string): Locale | undefined {
  if (tag.toLowerCase() === PSEUDO_LOCALE) return PSEUDO_LOCALE;
  const language = languageOf(tag);
  return isCatalogueLocale(language) ? language : undefined;
}

/** The shape of a BCP 47 tag (language, then subtags of up to eight letters or digits). Anything else
 * — "*", which fetch sends by default, or a header's garbage — is refused before Intl would throw. */
const TAG_SHAPE = /^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$/;
const LANGUAGE_CACHE_LIMIT = 500;
/** Every API request names its language, usually one of a handful of tags: each is parsed once. */
const languages = new Map<string, string | undefined>();

function languageOf(tag: string): string | undefined {
  if (languages.has(tag)) return languages.get(tag);
  const language = TAG_SHAPE.test(tag) ? parseLanguage(tag) : undefined;
  if (languages.size < LANGUAGE_CACHE_LIMIT) languages.set(tag, language);
  return language;
}

function parseLanguage(tag: string): string | undefined {
  try {
    return new Intl.Locale(tag.replace(/_/g, "-")).language.toLowerCase();
  } catch {
    return undefined;
  }
}
