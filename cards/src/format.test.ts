import { describe, expect, it } from "vitest";
import { describeKeyResult, formatDate, formatDateTime, formatDay, formatLink, formatPercent, formatQuantity } from "./format.js";

describe("format", () => {
  it("formats calendar dates without shifting them across time zones", () => {
    expect(formatDate("2027-03-01")).toBe("1 Mar 2027");
    expect(formatDate(null)).toBe("Not set");
    expect(formatDate("soon")).toBe("soon");
  });

  it("hands timestamps to the client's DATE and TIME functions without fractional seconds", () => {
    expect(formatDateTime("2027-01-11T08:00:00.123Z")).toBe(
      "{{DATE(2027-01-11T08:00:00Z, SHORT)}} {{TIME(2027-01-11T08:00:00Z)}}",
    );
    expect(formatDateTime("2027-01-11T10:00:00+02:00")).toContain("2027-01-11T08:00:00Z");
    expect(formatDateTime("yesterday")).toBe("yesterday");
    expect(formatDay("2027-01-11T08:00:00.123Z")).toBe("{{DATE(2027-01-11T08:00:00Z, SHORT)}}");
  });

  it("formats shares and quantities", () => {
    expect(formatPercent(0.426)).toBe("43%");
    expect(formatPercent(1.7)).toBe("100%");
    expect(formatPercent(Number.NaN)).toBe("0%");
    expect(formatQuantity(1234.567, "users")).toBe("1,234.57 users");
    expect(formatQuantity(40, "%")).toBe("40%");
    expect(formatQuantity(3, null)).toBe("3");
  });

  it("describes key results in plain words", () => {
    expect(describeKeyResult({ id: "a", title: "Setup guide", kind: "milestone", done: true })).toBe("**Setup guide**: done");
  });

  it("builds markdown links that survive brackets and parentheses", () => {
    expect(formatLink("[Q1] Plan", "https://x.test/a (b)")).toBe("[(Q1) Plan](https://x.test/a%20%28b%29)");
  });
});
