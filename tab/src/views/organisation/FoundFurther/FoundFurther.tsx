/** What a search finds below the levels the tree shows: people and goals anywhere in the organisation,
 * each opening the branch it is in. */
import { Button, Spinner, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { OrgPathStep } from "../../../../../functions/src/contracts/index.js";
import type { FoundFurther as Found } from "../use-organisation-page.js";
import { useTranslator } from "../../../i18n/use-translator.js";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  item: { justifyContent: "flex-start", textAlign: "start", height: "auto", minHeight: "32px", overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface FoundFurtherProps {
  found: Found;
  onOpen: (path: OrgPathStep[]) => void;
}

export function FoundFurther({ found, onOpen }: FoundFurtherProps) {
  const styles = useStyles();
  const { t } = useTranslator();
  const count = found.people.length + found.goals.length;
  const teamOf = (path: OrgPathStep[]) => path.at(-1)?.displayName ?? "";
  return (
    <section className={styles.section} aria-label={t("org.found")}>
      <Subtitle2 as="h2">{t("org.found")}</Subtitle2>
      {found.isSearching && <Spinner size="tiny" label={t("org.found.searching")} />}
      {!found.isSearching && count === 0 && <Text className={styles.muted}>{t("org.found.none")}</Text>}
      {count > 0 && (
        <ul className={styles.list}>
          {found.people.map(({ person, path }) => (
            <li key={`person:${person.id}`}>
              <Button className={styles.item} appearance="subtle" onClick={() => onOpen(path)}>
                {t("org.found.person", { name: person.displayName, team: teamOf(path) })}
              </Button>
            </li>
          ))}
          {found.goals.map((goal) => (
            <li key={`goal:${goal.id}`}>
              <Button className={styles.item} appearance="subtle" onClick={() => onOpen(goal.path)}>
                {t("org.found.goal", { title: goal.title, owner: goal.ownerName })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {found.hasMorePeople && <Text className={styles.muted}>{t("org.found.morePeople")}</Text>}
      {found.searchFurther && (
        <Button appearance="secondary" onClick={found.searchFurther}>
          {t("org.found.further")}
        </Button>
      )}
    </section>
  );
}
