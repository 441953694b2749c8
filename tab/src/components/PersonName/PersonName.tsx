/** A person's name: as the API sent it or from what the tab already holds, otherwise asked of the
 * directory once and cached. */
import type { PersonSummary } from "../../api/types.js";
import { usePerson } from "../../api/use-people.js";
import { nameKnownPerson } from "../../logic/goal-feedback.js";
import { useTranslator } from "../../i18n/use-translator.js";

export interface PersonNameProps {
  personId: string;
  meId: string;
  known: readonly PersonSummary[];
  /** The name an API answer carried; null when the API said the person has left the directory, absent
   * when the answer names nobody (then the directory is asked). */
  name?: string | null;
}

export function PersonName({ personId, meId, known, name }: PersonNameProps) {
  const tr = useTranslator();
  const knownName = nameKnownPerson(personId, meId, known, tr, name ?? null);
  const person = usePerson(knownName === null && name === undefined ? personId : null);
  if (knownName !== null) return <>{knownName}</>;
  return <>{person.data?.displayName ?? (person.isLoading ? "…" : tr.t("person.colleague"))}</>;
}
