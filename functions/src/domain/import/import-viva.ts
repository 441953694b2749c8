/** Reads a Viva Goals Explorer export row into the import model. Objectives become goals, key results
 * their key results, and initiatives (whatever the organisation called them) milestone key results of
 * the objective or key result they align to. The export has no key-result type, so a metric with a
 * target is a number key result. */
import { readNumber, readText } from "./import-cells.js";
import type { Cell, ImportField, VivaColumns } from "./import-fields.js";

/** Viva ids are numbers that a spreadsheet's own ids could repeat; they are kept apart with a prefix. */
export const VIVA_ID_PREFIX = "viva:";

const STATUS: Record<string, string> = {
  "not started": "active",
  "on track": "active",
  behind: "active",
  "at risk": "active",
  reopened: "active",
  closed: "completed",
  postponed: "cancelled",
};

/** A closed item scored below this counts as missed: 0.7 is where OKR practice calls a result achieved. */
export const ACHIEVED_SCORE = 0.7;

/** `Parent title(weight: 50%, Id: 4210001)`; several parents are joined with " / ", and Cascade keeps the first. */
export function readVivaParentIds(cell: Cell | undefined): string[] {
  const text = readText(cell);
  return [...text.matchAll(/\(weight:\s*[^,()]*,\s*Id:\s*([^)\s]+)\s*\)/gi)].map((m) => m[1]!);
}

function readType(objectType: string): "goal" | "key result" | "initiative" {
  const type = objectType.trim().toLowerCase();
  if (type === "objective") return "goal";
  if (type === "key result" || type === "keyresult" || type === "key-result") return "key result";
  return "initiative";
}

function readStatus(status: string, score: Cell | undefined): string {
  const mapped = STATUS[status.trim().toLowerCase()] ?? (status.trim() === "" ? "active" : status);
  const scored = readNumber(score);
  if (mapped === "completed" && "value" in scored && scored.value !== null && scored.value < ACHIEVED_SCORE) return "missed";
  return mapped;
}

export function readVivaRow(columns: VivaColumns, cells: readonly Cell[]): Partial<Record<ImportField, Cell>> {
  const at = (key: keyof VivaColumns) => (columns[key] === undefined ? null : (cells[columns[key]!] ?? null));
  const id = readText(at("id"));
  const type = readType(readText(at("objectType")));
  const status = readStatus(readText(at("status")), at("score"));
  const parent = readVivaParentIds(at("alignedTo"))[0];
  const values: Partial<Record<ImportField, Cell>> = {
    id: id === "" ? "" : VIVA_ID_PREFIX + id,
    type: type === "goal" ? "goal" : "key result",
    title: at("title"),
    description: at("description"),
    owner: at("owner"),
    cycle: at("period"),
    parent: parent ? VIVA_ID_PREFIX + parent : null,
    status,
    due: at("endDate"),
    unit: readText(at("unit")) === "%" ? "%" : at("unit"),
  };
  if (type === "initiative") {
    const progress = readNumber(at("progress"));
    const isDone = status === "completed" || ("value" in progress && progress.value !== null && progress.value >= 100);
    return { ...values, krType: "milestone", current: isDone ? 1 : 0, unit: null };
  }
  return { ...values, krType: type === "goal" ? null : "number", start: at("start"), target: at("target"), current: at("actual") };
}
