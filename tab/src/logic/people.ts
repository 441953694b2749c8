/** Search and grouping for the demo-person picker. */
import type { DevUser } from "../api/types.js";

export interface DepartmentGroup {
  department: string;
  people: DevUser[];
}

export const NO_DEPARTMENT = "Other";

function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

/** Every word of the query must appear in the name, job title or department. */
export function matchesPerson(person: DevUser, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const haystack = fold([person.displayName, person.jobTitle ?? "", person.department ?? ""].join(" "));
  return words.every((word) => haystack.includes(word));
}

export function groupPeopleByDepartment(people: DevUser[], query = ""): DepartmentGroup[] {
  const groups = new Map<string, DevUser[]>();
  for (const person of people) {
    if (!matchesPerson(person, query)) continue;
    const department = person.department?.trim() || NO_DEPARTMENT;
    groups.set(department, [...(groups.get(department) ?? []), person]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === NO_DEPARTMENT ? 1 : b === NO_DEPARTMENT ? -1 : a.localeCompare(b)))
    .map(([department, members]) => ({
      department,
      people: [...members].sort((a, b) => a.displayName.localeCompare(b.displayName)),
    }));
}
