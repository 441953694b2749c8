/** Key results' kinds and shapes, and the rules every key result follows whatever the path it came
 * in by (which kinds are measured, which side of the start a target must lie on, which currencies
 * exist). Plain data and functions, so the domain can use them without loading the schemas. */
/** Measured key results: move up to a target, down to a target, or hold a value above or below a
 * threshold. `start` is the baseline (where the measure stood when the goal was set); for the
 * keep types `target` is the threshold. */
export const MEASURED_KINDS = ["increase", "decrease", "keep_above", "keep_below"] as const;
export type MeasuredKind = (typeof MEASURED_KINDS)[number];
export const KEY_RESULT_KINDS = [...MEASURED_KINDS, "milestone"] as const;
export type KeyResultKind = (typeof KEY_RESULT_KINDS)[number];

/** How a measured value reads: with a free-text unit ("deals"), as a percentage, or as money in an
 * ISO 4217 currency. */
export const UNIT_KINDS = ["text", "percent", "currency"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface MeasuredKeyResult {
  id: string;
  title: string;
  kind: MeasuredKind;
  start: number;
  target: number;
  current: number;
  unitKind: UnitKind;
  /** The label of a text unit; absent for percent and currency. */
  unit?: string;
  /** ISO 4217 code, set only when unitKind is currency. */
  currency?: string;
}

export interface MilestoneKeyResult {
  id: string;
  title: string;
  kind: "milestone";
  done: boolean;
}

export type KeyResult = MeasuredKeyResult | MilestoneKeyResult;

export function isMeasured(kr: KeyResult): kr is MeasuredKeyResult {
  return kr.kind !== "milestone";
}

/** The kinds that move towards a target (the keep kinds hold a threshold instead). */
export function isDirectional(kind: MeasuredKind): kind is "increase" | "decrease" {
  return kind === "increase" || kind === "decrease";
}

/** A key result stored or sent as the earlier `number` kind reads as an increase or a decrease by
 * the sign of target − start; an unchanged target counts as an increase, which the SMART check
 * still reports as not measurable. */
export function kindForLegacyNumber(start: number, target: number): "increase" | "decrease" {
  return target < start ? "decrease" : "increase";
}

/** Why a target is on the wrong side of the start for its kind, or null when it is not. Equal values
 * are allowed in a draft; the SMART check stops such a goal from being submitted. */
export function describeDirectionProblem(kind: MeasuredKind, start: number, target: number): string | null {
  if (kind === "increase" && target < start) return "An increase needs a target above the start.";
  if (kind === "decrease" && target > start) return "A decrease needs a target below the start.";
  return null;
}

let knownCurrencies: Set<string> | null = null;

/** ISO 4217 codes the runtime can format; read once because the list does not change. */
export function isKnownCurrency(code: string): boolean {
  knownCurrencies ??= new Set(Intl.supportedValuesOf("currency"));
  return knownCurrencies.has(code);
}
