/** Rules every key result follows whatever the path it came in by (API, card, import, stored row):
 * which kinds are measured, which direction a target must lie in, and how rows written before the
 * measured kinds existed read today. */
import type { ApprovedSnapshot, KeyResult, MeasuredKeyResult, MeasuredKind, UnitKind } from "./types.js";

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

type StoredKeyResult = Record<string, unknown> & { kind?: unknown };

function normaliseMeasured(raw: StoredKeyResult): KeyResult {
  const start = Number(raw["start"]);
  const target = Number(raw["target"]);
  const kind = raw.kind === "number" ? kindForLegacyNumber(start, target) : (raw.kind as MeasuredKind);
  const unitKind: UnitKind = raw["unitKind"] === "percent" || raw["unitKind"] === "currency" ? raw["unitKind"] : "text";
  const kr: MeasuredKeyResult = { id: String(raw["id"]), title: String(raw["title"]), kind, start, target, current: Number(raw["current"]), unitKind };
  if (unitKind === "text" && typeof raw["unit"] === "string" && raw["unit"] !== "") kr.unit = raw["unit"];
  if (unitKind === "currency" && typeof raw["currency"] === "string") kr.currency = raw["currency"];
  return kr;
}

/** Reads a stored key result in today's shape. Pure and idempotent, so a goal written before the
 * measured kinds existed needs no migration run: it reads as today's shape and the next write of
 * the goal stores that shape. */
export function normaliseStoredKeyResult(raw: StoredKeyResult): KeyResult {
  if (raw.kind === "milestone") return { id: String(raw["id"]), title: String(raw["title"]), kind: "milestone", done: raw["done"] === true };
  return normaliseMeasured(raw);
}

/** The approved snapshot's key results get the same reading, so an approved goal whose stored kind
 * was `number` compares equal to itself and never goes back for approval because of the rename. */
export function normaliseStoredSnapshot(snapshot: ApprovedSnapshot | null): ApprovedSnapshot | null {
  if (!snapshot) return null;
  const keyResults = snapshot.keyResults.map((kr) => {
    const legacyKind = (kr as { kind: string }).kind;
    return legacyKind === "number" ? { ...kr, kind: kindForLegacyNumber(kr.start ?? 0, kr.target ?? 0) } : kr;
  });
  return { ...snapshot, keyResults };
}
