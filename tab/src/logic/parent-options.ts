/** Parent goals grouped by whose they are, nearest manager first, as the parent picker lists them. */
import type { ParentOption } from "../api/types.js";

export interface ParentGroup {
  key: string;
  label: string;
  options: ParentOption[];
}

function describeOwner(option: ParentOption): string {
  if (option.isOrganisationGoal) return `Organisation goals · ${option.owner.displayName}`;
  if (option.distance === 1) return `${option.owner.displayName} · your manager`;
  return `${option.owner.displayName} · ${option.distance} levels up`;
}

export function groupParentOptions(options: readonly ParentOption[]): ParentGroup[] {
  const sorted = [...options].sort((a, b) => a.distance - b.distance || Number(a.isOrganisationGoal) - Number(b.isOrganisationGoal));
  const groups = new Map<string, ParentGroup>();
  for (const option of sorted) {
    const key = `${option.isOrganisationGoal ? "org" : "chain"}:${option.owner.id}`;
    const group = groups.get(key) ?? { key, label: describeOwner(option), options: [] };
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
): AlignmentSummary {
  if (goal.isTopLevel) return { label: "Organisation goal", isAligned: true };
  if (!goal.parentId) return { label: "Not aligned yet", isAligned: false };
  const parent = options.find((option) => option.goal.id === goal.parentId);
  if (!parent) return { label: "Aligned to a goal above yours", isAligned: true };
  return { label: `${parent.goal.title} (${parent.owner.displayName})`, isAligned: true };
}
