/** Parent goals grouped by whose they are, nearest manager first, as the parent picker lists them. */
import type { ParentOption } from "../api/types.js";
import type { Translator } from "../i18n/translator.js";

export interface ParentGroup {
  key: string;
  label: string;
  options: ParentOption[];
}

function describeOwner(option: ParentOption, tr: Translator): string {
  const name = option.owner.displayName;
  if (option.isOrganisationGoal) return tr.t("parent.group.organisation", { name });
  if (option.distance === 1) return tr.t("parent.group.manager", { name });
  return tr.t("parent.group.levelsUp", { name, count: option.distance });
}

export function groupParentOptions(options: readonly ParentOption[], tr: Translator): ParentGroup[] {
  const sorted = [...options].sort((a, b) => a.distance - b.distance || Number(a.isOrganisationGoal) - Number(b.isOrganisationGoal));
  const groups = new Map<string, ParentGroup>();
  for (const option of sorted) {
    const key = `${option.isOrganisationGoal ? "org" : "chain"}:${option.owner.id}`;
    const group = groups.get(key) ?? { key, label: describeOwner(option, tr), options: [] };
    group.options.push(option);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export interface AlignmentSummary {
  label: string;
  isAligned: boolean;
}

/** "Aligned to: <title> (<owner>)" for a card, from the options already loaded for the cycle. */
export function describeAlignment(
  goal: { parentId: string | null; isTopLevel: boolean },
  options: readonly ParentOption[],
  tr: Translator,
): AlignmentSummary {
  if (goal.isTopLevel) return { label: tr.t("parent.organisationGoal"), isAligned: true };
  if (!goal.parentId) return { label: tr.t("parent.none"), isAligned: false };
  const parent = options.find((option) => option.goal.id === goal.parentId);
  if (!parent) return { label: tr.t("parent.unknown"), isAligned: true };
  return { label: tr.t("parent.named", { title: parent.goal.title, owner: parent.owner.displayName }), isAligned: true };
}
