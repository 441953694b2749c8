/** The demo organisation as a searchable list grouped by department. Tab reaches the list, arrow
 * keys move between people, Enter or Space picks one. */
import { Field, SearchBox, Spinner, Subtitle2, Text, useArrowNavigationGroup } from "@fluentui/react-components";
import { useDeferredValue, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { DevUser } from "../../api/types.js";
import { useDevUsers } from "../../api/use-dev-sign-in.js";
import { groupPeopleByDepartment } from "../../logic/people.js";
import { ErrorNotice } from "../ErrorNotice/ErrorNotice.js";
import { PersonButton } from "../PersonButton/PersonButton.js";
import { usePeoplePickerStyles } from "./PeoplePicker.styles.js";

export interface PeoplePickerProps {
  pendingUserId: string | null;
  onPick: (user: DevUser) => void;
}

export function PeoplePicker({ pendingUserId, onPick }: PeoplePickerProps) {
  const styles = usePeoplePickerStyles();
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

  if (users.isLoading) return <Spinner label="Loading the demo organisation…" />;
  if (users.error) {
    const detail = "The demo sign-in works only when Cascade runs locally in development mode (npm start).";
    return <ErrorNotice title="The demo organisation is not available" detail={detail} onRetry={users.reload} />;
  }

  return (
    <div className={styles.root}>
      <Field label="Find a person" hint="Search by name, job title or department. Press the down arrow to move to the list.">
        <SearchBox value={query} onChange={(_event, data) => setQuery(data.value)} onKeyDown={moveIntoList} placeholder="For example: Sales, engineer, Maria" />
      </Field>
      <Text className={styles.count} aria-live="polite">
        {shownCount === 1 ? "1 person" : `${shownCount} people`}
      </Text>
      <div className={styles.groups} ref={listRef} {...arrowNavigation}>
        {groups.map((group, index) => (
          <section key={group.department} aria-labelledby={`${idPrefix}-group-${index}`}>
            <Subtitle2 as="h2" id={`${idPrefix}-group-${index}`} className={styles.groupTitle} block>
              {group.department}
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
