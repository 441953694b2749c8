/** The Team view's choices in plain functions: where the drill-down is, and who may take over a
 * goal of someone who left. */
import type { ReportEntry } from "../../api/use-people.js";

/** Someone who could take over a goal, as the reports list and the organisation search give them. */
export type OwnerCandidate = Pick<ReportEntry, "id" | "displayName" | "jobTitle" | "isEnabled">;
import type { Translator } from "../../i18n/translator.js";

export interface TeamCrumb {
  /** A person id, or "me" for the caller's own team. */
  id: string;
  label: string;
}

/** The caller's own team; the view names it in the person's language. */
export const MY_TEAM: TeamCrumb = { id: "me", label: "" };

/** Opening a team already on the path goes back to it instead of repeating it. */
export function openTeam(path: readonly TeamCrumb[], crumb: TeamCrumb): TeamCrumb[] {
  const index = path.findIndex((entry) => entry.id === crumb.id);
  return index >= 0 ? path.slice(0, index + 1) : [...path, crumb];
}

export interface OwnerChoice {
  id: string;
  label: string;
}

/** The caller first, then everyone still in their team, by name; never the person who left. */
export function listNewOwners(me: { id: string; displayName: string }, subtree: readonly OwnerCandidate[], leaverId: string, tr: Translator): OwnerChoice[] {
  const others = [...new Map(subtree.map((person) => [person.id, person])).values()]
    .filter((person) => person.isEnabled && person.id !== leaverId && person.id !== me.id)
    .sort((a, b) => a.displayName.localeCompare(b.displayName))
    .map((person) => ({ id: person.id, label: person.jobTitle ? tr.t("team.ownerWithJob", { name: person.displayName, job: person.jobTitle }) : person.displayName }));
  return [{ id: me.id, label: tr.t("team.ownerYou", { name: me.displayName }) }, ...others];
}
