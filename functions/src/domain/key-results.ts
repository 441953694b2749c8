/** How stored key results read today: rows written before the measured kinds existed read in today's
 * shape. The rules every key result follows (kinds, directions, currencies) are in the contract. */
import { kindForLegacyNumber } from "../contracts/key-result-rules.js";
import type { ApprovedSnapshot, KeyResult, MeasuredKeyResult, MeasuredKind, UnitKind } from "./types.js";

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
