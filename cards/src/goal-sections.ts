/** Card sections that describe a goal under approval; shared by the approval and status cards. */
import type { CardElement } from "./card-json.js";
import { createBulletList, createContainer, createFacts, createSectionTitle, createText } from "./elements.js";
import { describeKeyResult } from "./format.js";
import type { CardIntl } from "./i18n/card-intl.js";
import type { ApprovalGoalView, FieldChangeView } from "./types.js";

function describeParent(intl: CardIntl, parent: ApprovalGoalView["parent"]): string {
  if (!parent) return intl.t("goal.topLevel");
  // A parent the reader may not see comes without an owner's name; it then shows no empty brackets.
  return parent.ownerName ? intl.t("goal.parentWithOwner", { title: parent.title, owner: parent.ownerName }) : parent.title;
}

export function createGoalSummary(goal: ApprovalGoalView, intl: CardIntl): CardElement[] {
  return [
    createText(goal.title, { size: "Large", weight: "Bolder", spacing: "Small" }),
    createFacts([
      [intl.t("goal.fact.owner"), goal.ownerName],
      [intl.t("goal.fact.period"), goal.cycleName],
      [intl.t("goal.fact.due"), intl.formatCalendarDate(goal.dueDate)],
      [intl.t("goal.fact.supports"), describeParent(intl, goal.parent)],
    ]),
  ];
}

export function createGoalDetails(goal: ApprovalGoalView, intl: CardIntl): CardElement[] {
  const description = goal.description.trim();
  const results =
    goal.keyResults.length > 0
      ? createBulletList(goal.keyResults.map((keyResult) => describeKeyResult(intl, keyResult)))
      : createText(intl.t("goal.noResults"), { isSubtle: true, spacing: "Small" });
  return [
    ...(description ? [createText(description)] : []),
    createSectionTitle(intl.t("goal.howMeasured")),
    results,
  ];
}

export function createSmartSection(smart: ApprovalGoalView["smart"], intl: CardIntl): CardElement {
  if (smart.ok) {
    return createContainer([createText(intl.t("goal.checklistPassed"), { color: "Good" })], "good");
  }
  return createContainer(
    [createText(intl.t("goal.stillMissing"), { weight: "Bolder", color: "Warning" }), createBulletList(smart.missing)],
    "warning",
  );
}

function describeValue(value: string | null, intl: CardIntl): string {
  return value === null || value.trim() === "" ? intl.t("common.notSet") : value;
}

export function createChangesSection(changes: FieldChangeView[], intl: CardIntl): CardElement[] {
  if (changes.length === 0) return [];
  const rows = changes.map((change) =>
    createContainer([
      createText(change.field, { weight: "Bolder" }),
      createFacts([
        [intl.t("goal.change.before"), describeValue(change.before, intl)],
        [intl.t("goal.change.now"), describeValue(change.after, intl)],
      ]),
    ]),
  );
  return [createSectionTitle(intl.t("goal.changesTitle")), createContainer(rows, "emphasis")];
}
