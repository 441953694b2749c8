/** Finds people in the directory by name, mail, job title or object id. */
import { Button, Field, SearchBox, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { DirectoryPerson } from "../../../api/admin-types.js";
import { useAdminActions } from "../../../api/use-admin.js";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  person: { justifyContent: "flex-start", textAlign: "start", width: "100%" },
  muted: { color: tokens.colorNeutralForeground3 },
});

const SEARCH_DELAY_MS = 250;

export interface PersonSearchProps {
  label: string;
  hint?: string;
  excludeIds?: readonly string[];
  onPick: (person: DirectoryPerson) => void;
}

export function PersonSearch({ label, hint, excludeIds = [], onPick }: PersonSearchProps) {
  const styles = useStyles();
  const actions = useAdminActions();
  const [text, setText] = useState("");
  const [results, setResults] = useState<DirectoryPerson[] | null>(null);
  const [isSearching, setIsSearching] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const query = text.trim();
    if (query.length < 2) return;
    let isCurrent = true;
    const timer = window.setTimeout(() => {
      setIsSearching(true);
      actions
        .searchPeople(query)
        .then((people) => isCurrent && (setResults(people), setError(null)))
        .catch((caught: Error) => isCurrent && setError(caught.message))
        .finally(() => isCurrent && setIsSearching(false));
    }, SEARCH_DELAY_MS);
    return () => {
      isCurrent = false;
      window.clearTimeout(timer);
    };
  }, [text, actions]);

  const shown = text.trim().length < 2 ? [] : (results ?? []).filter((p) => !excludeIds.includes(p.id));
  return (
    <div>
      <Field label={label} hint={hint} validationMessage={error ?? undefined}>
        <SearchBox value={text} onChange={(_event, data) => setText(data.value)} placeholder="Name, e-mail, job title or object id" />
      </Field>
      {isSearching && <Spinner size="tiny" label="Searching…" />}
      {!isSearching && results && text.trim().length >= 2 && shown.length === 0 && <Text className={styles.muted}>No one found.</Text>}
      <ul className={styles.list} aria-label="People found">
        {shown.map((person) => (
          <li key={person.id}>
            <Button appearance="subtle" className={styles.person} onClick={() => onPick(person)}>
              {person.displayName}
              {person.jobTitle ? ` · ${person.jobTitle}` : ""}
              {person.isEnabled ? "" : " · account disabled"}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
