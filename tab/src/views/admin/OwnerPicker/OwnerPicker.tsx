/** The people who may set organisation goals, besides the top of the org chart and admins. */
import { Button, Tag, TagGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { AdminSettingsView } from "../../../api/admin-types.js";
import { PersonSearch } from "../PersonSearch/PersonSearch.js";
import { useTranslator } from "../../../i18n/use-translator.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export type Owner = AdminSettingsView["organisationGoalOwners"][number];

export interface OwnerPickerProps {
  owners: readonly Owner[];
  onChange: (owners: Owner[]) => void;
}

export function OwnerPicker({ owners, onChange }: OwnerPickerProps) {
  const styles = useStyles();
  const { t } = useTranslator();
  const remove = (id: string) => onChange(owners.filter((owner) => owner.id !== id));
  return (
    <div className={styles.root}>
      <Text weight="semibold">{t("admin.owners.title")}</Text>
      {owners.length === 0 ? (
        <Text className={styles.muted}>{t("admin.owners.none")}</Text>
      ) : (
        <TagGroup aria-label={t("admin.owners.title")} onDismiss={(_event, data) => remove(String(data.value))}>
          {owners.map((owner) => (
            <Tag key={owner.id} value={owner.id} dismissible dismissIcon={{ "aria-label": t("admin.owners.remove", { name: owner.displayName ?? owner.id }) }}>
              {owner.displayName ?? owner.id}
            </Tag>
          ))}
        </TagGroup>
      )}
      <PersonSearch
        label={t("admin.owners.add")}
        excludeIds={owners.map((owner) => owner.id)}
        onPick={(person) => onChange([...owners, { id: person.id, displayName: person.displayName, jobTitle: person.jobTitle }])}
      />
      {owners.length > 0 && (
        <Button appearance="subtle" onClick={() => onChange([])}>
          {t("admin.owners.removeAll")}
        </Button>
      )}
    </div>
  );
}
