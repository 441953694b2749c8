/** A person's name: from what the tab already holds, otherwise asked of the directory once and cached. */
import type { PersonSummary } from "../../api/types.js";
import { usePerson } from "../../api/use-people.js";
import { nameKnownPerson } from "../../logic/goal-feedback.js";

export interface PersonNameProps {
  personId: string;
  meId: string;
  known: readonly PersonSummary[];
}

export function PersonName({ personId, meId, known }: PersonNameProps) {
  const knownName = nameKnownPerson(personId, meId, known);
  const person = usePerson(knownName === null ? personId : null);
  if (knownName !== null) return <>{knownName}</>;
  return <>{person.data?.displayName ?? (person.isLoading ? "…" : "A colleague")}</>;
}
