/** The people who may set organisation goals, besides the top of the org chart and admins. */
import { Button, Tag, TagGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { AdminSettingsView } from "../../../api/admin-types.js";
import { PersonSearch } from "../PersonSearch/PersonSearch.js";

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
  const remove = (id: string) => onChange(owners.filter((owner) => owner.id !== id));
  return (
    <div className={styles.root}>
      <Text weight="semibold">Organisation-goal owners</Text>
      {owners.length === 0 ? (
        <Text className={styles.muted}>No one besides the head of the organisation and admins.</Text>
      ) : (
        <TagGroup aria-label="Organisation-goal owners" onDismiss={(_event, data) => remove(String(data.value))}>
          {owners.map((owner) => (
            <Tag key={owner.id} value={owner.id} dismissible dismissIcon={{ "aria-label": `Remove ${owner.displayName ?? owner.id}` }}>
              {owner.displayName ?? owner.id}
            </Tag>
          ))}
        </TagGroup>
      )}
      <PersonSearch
        label="Add an owner"
        excludeIds={owners.map((owner) => owner.id)}
        onPick={(person) => onChange([...owners, { id: person.id, displayName: person.displayName, jobTitle: person.jobTitle }])}
      />
      {owners.length > 0 && (
        <Button appearance="subtle" onClick={() => onChange([])}>
          Remove everyone
        </Button>
      )}
    </div>
  );
}
