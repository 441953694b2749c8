import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, directionOf, findSupportedLocale, formattingLocale, isRightToLeft, isSupportedLocale, matchLocale, PSEUDO_LOCALE, SUPPORTED_LOCALES } from "./locales.js";

describe("matchLocale", () => {
  it("matches a language we ship, with or without a region or script", () => {
    expect(matchLocale("de-AT")).toBe("de");
    expect(matchLocale("fr-CA")).toBe("fr");
    expect(matchLocale("es-419")).toBe("es");
    expect(matchLocale("ja-JP")).toBe("ja");
    expect(matchLocale("ar-SA")).toBe("ar");
    expect(matchLocale("en-GB")).toBe("en");
    expect(matchLocale("DE")).toBe("de");
    expect(matchLocale("de_CH")).toBe("de");
  });

  it("falls back to English for a language we do not ship, nothing, or nonsense", () => {
    expect(matchLocale("pt-BR")).toBe("en");
    expect(matchLocale(undefined)).toBe(DEFAULT_LOCALE);
    expect(matchLocale("")).toBe("en");
    expect(matchLocale("not a tag!")).toBe("en");
    expect(matchLocale([])).toBe("en");
  });

  it("takes the first supported tag of a list, in order", () => {
    expect(matchLocale(["pt-BR", "es-MX", "de"])).toBe("es");
    expect(matchLocale(["zh-Hans-CN", "ko", "ar-EG"])).toBe("ar");
  });

  it("reads an Accept-Language header by quality, ignoring q=0 and *", () => {
    expect(matchLocale("pt-BR,pt;q=0.9,ja;q=0.8,de;q=0.7")).toBe("ja");
    expect(matchLocale("fr;q=0.2, de;q=0.9")).toBe("de");
    expect(matchLocale("de;q=0, *;q=0.5")).toBe("en");
  });

  it("says when nothing requested is supported, so a caller can try its next source", () => {
    expect(findSupportedLocale("pt-BR")).toBeUndefined();
    expect(findSupportedLocale(null)).toBeUndefined();
    expect(findSupportedLocale("pt-BR, fr;q=0.5")).toBe("fr");
    expect(findSupportedLocale("*")).toBeUndefined();
    expect(findSupportedLocale("de-")).toBeUndefined();
    expect(findSupportedLocale("x".repeat(300))).toBeUndefined();
  });

  it("recognises the pseudo-locale in any case", () => {
    expect(matchLocale("qps-ploc")).toBe(PSEUDO_LOCALE);
    expect(matchLocale("qps-Ploc")).toBe(PSEUDO_LOCALE);
  });
});

describe("direction", () => {
  it("is right-to-left for Arabic and its regions, left-to-right otherwise", () => {
    expect(isRightToLeft("ar")).toBe(true);
    expect(isRightToLeft("ar-EG")).toBe(true);
    expect(directionOf("ar")).toBe("rtl");
    for (const locale of SUPPORTED_LOCALES.filter((l) => l !== "ar")) expect(directionOf(locale)).toBe("ltr");
    expect(isRightToLeft(PSEUDO_LOCALE)).toBe(false);
    expect(isRightToLeft("?")).toBe(false);
  });
});

describe("supported locales", () => {
  it("accepts the shipped locales and the pseudo-locale, nothing else", () => {
    for (const locale of [...SUPPORTED_LOCALES, PSEUDO_LOCALE]) expect(isSupportedLocale(locale)).toBe(true);
    for (const value of ["de-AT", "pt", "", 3, null]) expect(isSupportedLocale(value)).toBe(false);
  });

  it("formats the pseudo-locale with English data", () => {
    expect(formattingLocale(PSEUDO_LOCALE)).toBe("en");
    expect(formattingLocale("ja")).toBe("ja");
  });
});
