/** The demo organisation as a searchable list grouped by department. Tab reaches the list, arrow
 * keys move between people, Enter or Space picks one. */
import { Field, SearchBox, Spinner, Subtitle2, Text, useArrowNavigationGroup } from "@fluentui/react-components";
import { useDeferredValue, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { DevUser } from "../../api/types.js";
import { useDevUsers } from "../../api/use-dev-sign-in.js";
import { NO_DEPARTMENT, groupPeopleByDepartment } from "../../logic/people.js";
import { ErrorNotice } from "../ErrorNotice/ErrorNotice.js";
import { PersonButton } from "../PersonButton/PersonButton.js";
import { usePeoplePickerStyles } from "./PeoplePicker.styles.js";
import { useTranslator } from "../../i18n/use-translator.js";
import { useControlLabels } from "../../i18n/use-control-labels.js";

export interface PeoplePickerProps {
  pendingUserId: string | null;
  onPick: (user: DevUser) => void;
}

export function PeoplePicker({ pendingUserId, onPick }: PeoplePickerProps) {
  const styles = usePeoplePickerStyles();
  const { t } = useTranslator();
  const controls = useControlLabels();
  const idPrefix = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const arrowNavigation = useArrowNavigationGroup({ axis: "grid-linear", memorizeCurrent: true });
  const [query, setQuery] = useState("");
  const deferredQuery = useDeferredValue(query);
  const users = useDevUsers();
  const groups = useMemo(() => groupPeopleByDepartment(users.data ?? [], deferredQuery), [users.data, deferredQuery]);
  const shownCount = groups.reduce((sum, group) => sum + group.people.length, 0);

  const moveIntoList = (event: KeyboardEvent) => {
    if (event.key !== "ArrowDown") return;
    event.preventDefault();
    listRef.current?.querySelector("button")?.focus();
  };

  if (users.isLoading) return <Spinner label={t("people.loading")} />;
  if (users.error) return <ErrorNotice title={t("people.unavailable")} detail={t("people.unavailable.detail")} onRetry={users.reload} />;

  return (
    <div className={styles.root}>
      <Field label={t("people.search")} hint={t("people.search.hint")}>
        <SearchBox {...controls.searchBox} value={query} onChange={(_event, data) => setQuery(data.value)} onKeyDown={moveIntoList} placeholder={t("people.search.placeholder")} />
      </Field>
      <Text className={styles.count} aria-live="polite">
        {t("people.count", { count: shownCount })}
      </Text>
      <div className={styles.groups} ref={listRef} {...arrowNavigation}>
        {groups.map((group, index) => (
          <section key={group.department} aria-labelledby={`${idPrefix}-group-${index}`}>
            <Subtitle2 as="h2" id={`${idPrefix}-group-${index}`} className={styles.groupTitle} block>
              {group.department === NO_DEPARTMENT ? t("people.otherDepartment") : group.department}
            </Subtitle2>
            <ul className={styles.people}>
              {group.people.map((person) => (
                <li key={person.id}>
                  <PersonButton person={person} isPending={pendingUserId === person.id} isDisabled={pendingUserId !== null} onPick={onPick} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
