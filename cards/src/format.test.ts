import { describe, expect, it } from "vitest";
import { describeKeyResult, formatConfidenceInline, formatDateTime, formatDay, formatLink, formatStatus } from "./format.js";
import { createCardIntl } from "./i18n/card-intl.js";

const en = createCardIntl("en");
const de = createCardIntl("de");
const ja = createCardIntl("ja");
const ar = createCardIntl("ar");

describe("format", () => {
  it("formats calendar dates in the reader's language without shifting them across time zones", () => {
    expect(en.formatCalendarDate("2027-03-01")).toBe("1 Mar 2027");
    expect(de.formatCalendarDate("2027-03-01")).toBe("1. März 2027");
    expect(ja.formatCalendarDate("2027-03-01")).toBe("2027年3月1日");
    expect(en.formatCalendarDate(null)).toBe("Not set");
    expect(de.formatCalendarDate(null)).not.toBe("Not set");
    expect(en.formatCalendarDate("soon")).toBe("soon");
  });

  it("hands timestamps to the client's DATE and TIME functions, which use the reader's locale and time zone", () => {
    expect(formatDateTime("2027-01-11T08:00:00.123Z")).toBe(
      "{{DATE(2027-01-11T08:00:00Z, SHORT)}} {{TIME(2027-01-11T08:00:00Z)}}",
    );
    expect(formatDateTime("2027-01-11T10:00:00+02:00")).toContain("2027-01-11T08:00:00Z");
    expect(formatDateTime("yesterday")).toBe("yesterday");
    expect(formatDay("2027-01-11T08:00:00.123Z")).toBe("{{DATE(2027-01-11T08:00:00Z, SHORT)}}");
  });

  it("formats shares and quantities with the reader's separators", () => {
    expect(en.formatPercent(0.426)).toBe("43%");
    expect(en.formatPercent(1.7)).toBe("100%");
    expect(en.formatPercent(Number.NaN)).toBe("0%");
    expect(de.formatPercent(0.426)).toBe("43\u00a0%");
    expect(en.formatQuantity(1234.567, "users")).toBe("1,234.57 users");
    expect(de.formatQuantity(1234.567, "Nutzer")).toBe("1.234,57 Nutzer");
    expect(en.formatQuantity(40, "%")).toBe("40%");
    expect(en.formatQuantity(3, null)).toBe("3");
    expect(ar.formatNumber(12)).toMatch(/^(12|١٢)$/);
  });

  it("describes key results and states in plain words", () => {
    expect(describeKeyResult(en, { id: "a", title: "Setup guide", kind: "milestone", done: true })).toBe("**Setup guide**: done");
    expect(describeKeyResult(en, { id: "b", title: "Users", kind: "increase", start: 0, target: 500, current: 120, unit: "users" })).toBe(
      "**Users**: from 0 users to 500 users, now 120 users",
    );
    expect(describeKeyResult(en, { id: "c", title: "Uptime", kind: "keep_above", start: 99, target: 99.9, current: 99.95, unitKind: "percent" })).toBe(
      "**Uptime**: keep at or above 99.9%, now 99.95%",
    );
    expect(describeKeyResult(en, { id: "d", title: "Cost", kind: "keep_below", start: 900, target: 800, current: 750.5, unitKind: "currency", currency: "EUR" })).toBe(
      "**Cost**: keep at or below €800.00, now €750.50",
    );
    expect(formatStatus(en, "pending_approval")).toBe("Waiting for approval");
    expect(formatConfidenceInline(en, "at_risk")).toBe("at risk");
  });

  it("builds markdown links that survive brackets and parentheses", () => {
    expect(formatLink("[Q1] Plan", "https://x.test/a (b)")).toBe("[(Q1) Plan](https://x.test/a%20%28b%29)");
  });
});
