/** Finds people in the directory by name, mail, job title or object id. */
import { Button, Field, SearchBox, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { DirectoryPerson } from "../../../api/admin-types.js";
import { useAdminActions } from "../../../api/use-admin.js";
import { describeError } from "../../../i18n/describe-error.js";
import { useTranslator } from "../../../i18n/use-translator.js";
import { useControlLabels } from "../../../i18n/use-control-labels.js";

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
  const tr = useTranslator();
  const controls = useControlLabels();
  const { t } = tr;
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
        .catch((caught: Error) => isCurrent && setError(describeError(caught, tr)))
        .finally(() => isCurrent && setIsSearching(false));
    }, SEARCH_DELAY_MS);
    return () => {
      isCurrent = false;
      window.clearTimeout(timer);
    };
  }, [text, actions, tr]);

  const shown = text.trim().length < 2 ? [] : (results ?? []).filter((p) => !excludeIds.includes(p.id));
  return (
    <div>
      <Field label={label} hint={hint} validationMessage={error ?? undefined}>
        <SearchBox {...controls.searchBox} value={text} onChange={(_event, data) => setText(data.value)} placeholder={t("admin.search.placeholder")} />
      </Field>
      {isSearching && <Spinner size="tiny" label={t("admin.search.searching")} />}
      {!isSearching && results && text.trim().length >= 2 && shown.length === 0 && <Text className={styles.muted}>{t("admin.search.none")}</Text>}
      <ul className={styles.list} aria-label={t("admin.search.results")}>
        {shown.map((person) => (
          <li key={person.id}>
            <Button appearance="subtle" className={styles.person} onClick={() => onPick(person)}>
              {person.jobTitle ? t("team.ownerWithJob", { name: person.displayName, job: person.jobTitle }) : person.displayName}
              {person.isEnabled ? "" : t("admin.search.disabled")}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
