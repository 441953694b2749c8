/** Card sections that describe a goal under approval; shared by the approval and status cards. */
import type { CardElement } from "./card-json.js";
import { createBulletList, createContainer, createFacts, createSectionTitle, createText } from "./elements.js";
import { describeKeyResult, formatDate } from "./format.js";
import type { ApprovalGoalView, FieldChangeView } from "./types.js";

export function createGoalSummary(goal: ApprovalGoalView): CardElement[] {
  // A parent the reader may not see comes without an owner's name; it then shows no empty brackets.
  const supports = !goal.parent ? "Top-level goal" : goal.parent.ownerName ? `${goal.parent.title} (${goal.parent.ownerName})` : goal.parent.title;
  return [
    createText(goal.title, { size: "Large", weight: "Bolder", spacing: "Small" }),
    createFacts([
      ["Owner", goal.ownerName],
      ["Period", goal.cycleName],
      ["Due", formatDate(goal.dueDate)],
      ["Supports", supports],
    ]),
  ];
}

export function createGoalDetails(goal: ApprovalGoalView): CardElement[] {
  const description = goal.description.trim();
  const results =
    goal.keyResults.length > 0
      ? createBulletList(goal.keyResults.map(describeKeyResult))
      : createText("No measurable results yet.", { isSubtle: true, spacing: "Small" });
  return [
    ...(description ? [createText(description)] : []),
    createSectionTitle("How success is measured"),
    results,
  ];
}

export function createSmartSection(smart: ApprovalGoalView["smart"]): CardElement {
  if (smart.ok) {
    return createContainer(
      [createText("Checklist passed: clear, measurable, due within the period, and aligned.", { color: "Good" })],
      "good",
    );
  }
  return createContainer(
    [createText("Still missing", { weight: "Bolder", color: "Warning" }), createBulletList(smart.missing)],
    "warning",
  );
}

function describeValue(value: string | null): string {
  return value === null || value.trim() === "" ? "Not set" : value;
}

export function createChangesSection(changes: FieldChangeView[]): CardElement[] {
  if (changes.length === 0) return [];
  const rows = changes.map((change) =>
    createContainer([
      createText(change.field, { weight: "Bolder" }),
      createFacts([
        ["Before", describeValue(change.before)],
        ["Now", describeValue(change.after)],
      ]),
    ]),
  );
  return [createSectionTitle("What changed since you approved it"), createContainer(rows, "emphasis")];
}
