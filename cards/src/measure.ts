/** Numbers that carry their own unit: percentages and money. Shared by the cards and the tab so a
 * key result reads the same in both; a text unit ("deals") is placed by each side's catalogue. */
import type { UnitKind } from "./types.js";

/** The unit part of a measured key result; a missing unitKind reads as a text unit. */
export interface MeasureUnit {
  unitKind?: UnitKind;
  unit?: string | null;
  currency?: string | null;
}

/** A bare unit text from older callers is a text unit, except "%", which always meant a percentage. */
export function toMeasureUnit(unit: string | MeasureUnit | null | undefined): MeasureUnit {
  if (typeof unit === "object" && unit !== null) return unit;
  return unit === "%" ? { unitKind: "percent" } : { unitKind: "text", unit: unit ?? null };
}

/** Built on first use and kept per locale and unit: a number format costs tens of milliseconds to build. */
const formats = new Map<string, Intl.NumberFormat>();

function findFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${options.style ?? ""}|${options.currency ?? ""}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/** "45 %" or "€1,200.00" in the locale's own way; null for a text unit. Percent values are stored as
 * written (45 means 45 %). A currency unit without its code falls back to a plain number. */
export function formatMeasuredNumber(value: number, unit: MeasureUnit, locale: string): string | null {
  if (unit.unitKind === "percent") return findFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(value / 100);
  if (unit.unitKind === "currency" && unit.currency) return findFormat(locale, { style: "currency", currency: unit.currency, maximumFractionDigits: 2 }).format(value);
  return null;
}
