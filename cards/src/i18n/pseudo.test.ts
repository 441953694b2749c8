import { createIntl } from "@formatjs/intl";
import { isStructurallySame, parse } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { findUnlocalizedText, pseudoLocalize, pseudoLocalizeText } from "./pseudo.js";

const format = (message: string, values: Record<string, unknown>) =>
  createIntl({ locale: "en", messages: { m: message } }).formatMessage({ id: "m" }, values as never);

describe("pseudoLocalize", () => {
  it("accents and lengthens literal text inside brackets", () => {
    const result = pseudoLocalize("Approve goal");
    expect(result.startsWith("[") && result.endsWith("]")).toBe(true);
    expect(findUnlocalizedText(result)).toBeUndefined();
    expect(result.length).toBeGreaterThan("Approve goal".length * 1.25);
  });

  it("keeps placeholders, plural and select keywords, # and tags", () => {
    const message = "{name} has {count, plural, one {# goal} other {# goals}} {status, select, active {live} other {waiting}} <b>due</b> {due, date, medium}";
    const result = pseudoLocalize(message);
    expect(isStructurallySame(parse(message), parse(result)).success).toBe(true);
    for (const kept of ["{name}", "plural", "one{#", "other{#", "select", "active{", "<b>", "</b>", "{due, date, medium}"]) {
      expect(result.replace(/ /g, "")).toContain(kept.replace(/ /g, ""));
    }
    const formatted = format(result, { name: "Ωμέγα", count: 3, status: "active", b: (chunks: unknown[]) => chunks.join(""), due: Date.UTC(2027, 2, 31) });
    expect(formatted).toContain("Ωμέγα");
    expect(formatted).toContain("3 ");
    expect(formatted.replace(/Mar \d+, \d+/, "")).not.toMatch(/[A-Za-z]/);
  });

  it("escapes ICU syntax that appears as literal text", () => {
    const message = "It's '{'literal'}' and {count, plural, other {'#' is # here}}";
    const result = pseudoLocalize(message);
    const formatted = format(result, { count: 2 });
    expect(formatted).toContain("{");
    expect(formatted).toContain("#");
    expect(formatted).toContain("2");
    expect(findUnlocalizedText(formatted)).toBeUndefined();
  });

  it("rejects a message that does not parse", () => {
    expect(() => pseudoLocalize("{unclosed")).toThrow();
  });
});

describe("pseudoLocalizeText", () => {
  it("accents formatted text and leaves digits and punctuation", () => {
    expect(pseudoLocalizeText("Mar 31, 2027")).toMatch(/^Ṁåå+ŕ 31, 2027$/);
  });
});

describe("findUnlocalizedText", () => {
  it("finds plain ASCII words and passes accented, non-Latin and numeric text", () => {
    expect(findUnlocalizedText("[Åþþŕöṽé] Save")).toBe("Save");
    expect(findUnlocalizedText("目標 42 % · Ωμέγα")).toBeUndefined();
  });
});
