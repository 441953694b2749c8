/** Turns author input, parsed by the contract's schemas, into goal fields, keeping key-result identity across edits. */
import type { GoalInput, GoalPatch } from "../contracts/goals.js";
import { describeDirectionProblem, isMeasured } from "../contracts/key-result-rules.js";
import type { KeyResultInput, MeasuredKeyResultInput } from "../contracts/key-results.js";
import { AppError, type FieldError } from "./errors.js";
import type { IdGenerator } from "./ports.js";
import type { GoalDraft, KeyResult, MeasuredKeyResult } from "./types.js";

/** Values an edit leaves out are kept from the existing key result, so editing a title never resets progress. */
function toKeyResult(input: KeyResultInput, id: string, previous: KeyResult | undefined): KeyResult {
  if (input.kind === "milestone") {
    const done = input.done ?? (previous?.kind === "milestone" ? previous.done : false);
    return { id, title: input.title.trim(), kind: "milestone", done };
  }
  const current = input.current ?? (previous && isMeasured(previous) ? previous.current : input.start);
  const unitKind = input.unitKind ?? (input.currency ? "currency" : "text");
  const kr: MeasuredKeyResult = { id, title: input.title.trim(), kind: input.kind, start: input.start, target: input.target, current, unitKind };
  if (unitKind === "text" && input.unit !== undefined && input.unit.trim() !== "") kr.unit = input.unit.trim();
  if (unitKind === "currency" && input.currency) kr.currency = input.currency;
  return kr;
}

/** The rules a schema cannot see on its own: the target's side of the start, and a currency for money. */
function checkMeasuredInput(input: MeasuredKeyResultInput, path: string, errors: FieldError[]): void {
  const direction = describeDirectionProblem(input.kind, input.start, input.target);
  if (direction) errors.push({ path: `${path}.target`, message: direction });
  const unitKind = input.unitKind ?? (input.currency ? "currency" : "text");
  if (unitKind === "currency" && !input.currency) errors.push({ path: `${path}.currency`, message: "Choose the currency (an ISO 4217 code such as EUR)." });
  if (unitKind !== "currency" && input.currency) errors.push({ path: `${path}.currency`, message: "A currency goes with the currency unit only." });
}

/** New key results get fresh ids; ones that name an id must be one of the goal's existing key results. */
export function buildKeyResults(inputs: KeyResultInput[], existing: KeyResult[], ids: IdGenerator): KeyResult[] {
  const known = new Map(existing.map((kr) => [kr.id, kr]));
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  const result = inputs.map((input, index) => {
    if (input.kind !== "milestone") checkMeasuredInput(input, `keyResults.${index}`, errors);
    if (input.id !== undefined) {
      if (!known.has(input.id)) errors.push({ path: `keyResults.${index}.id`, message: "This key result does not belong to the goal; leave the id out to add a new one." });
      if (seen.has(input.id)) errors.push({ path: `keyResults.${index}.id`, message: "The same key result appears twice." });
      seen.add(input.id);
    }
    return toKeyResult(input, input.id ?? ids.newId(), input.id !== undefined ? known.get(input.id) : undefined);
  });
  if (errors.length > 0) throw new AppError("validation_failed", "Some key results are not valid.", { errors });
  return result;
}

export function buildDraft(input: GoalInput, ids: IdGenerator): GoalDraft & { isTopLevel: boolean } {
  return {
    cycleId: input.cycleId,
    title: input.title.trim(),
    description: (input.description ?? "").trim(),
    dueDate: input.dueDate ?? null,
    visibility: input.visibility ?? "public",
    parentId: input.parentId ?? null,
    weight: input.weight ?? 1,
    keyResults: buildKeyResults(input.keyResults, [], ids),
    isTopLevel: input.isTopLevel ?? false,
  };
}

export function applyPatch(current: GoalDraft & { isTopLevel: boolean }, patch: GoalPatch, ids: IdGenerator): GoalDraft & { isTopLevel: boolean } {
  return {
    cycleId: patch.cycleId ?? current.cycleId,
    title: patch.title !== undefined ? patch.title.trim() : current.title,
    description: patch.description !== undefined ? patch.description.trim() : current.description,
    dueDate: patch.dueDate !== undefined ? patch.dueDate : current.dueDate,
    visibility: patch.visibility ?? current.visibility,
    parentId: patch.parentId !== undefined ? patch.parentId : current.parentId,
    weight: patch.weight ?? current.weight,
    keyResults: patch.keyResults !== undefined ? buildKeyResults(patch.keyResults, current.keyResults, ids) : current.keyResults,
    isTopLevel: patch.isTopLevel ?? current.isTopLevel,
  };
}
