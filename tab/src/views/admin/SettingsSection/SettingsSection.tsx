/** Approval, organisation-goal owners, installing the app for people and reminder cadence for the
 * whole organisation. */
import { Button, Divider, MessageBar, MessageBarActions, MessageBarBody, Spinner, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorNotice } from "../../../components/ErrorNotice/ErrorNotice.js";
import { AdminSection } from "../AdminSection/AdminSection.js";
import { AppInstallField } from "../AppInstallField/AppInstallField.js";
import { describeCadence } from "../admin-logic.js";
import { OwnerPicker } from "../OwnerPicker/OwnerPicker.js";
import { ReminderFields } from "../ReminderFields/ReminderFields.js";
import { useSettingsForm } from "./use-settings-form.js";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "720px" },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", gap: tokens.spacingHorizontalM },
});

export function SettingsSection() {
  const styles = useStyles();
  const form = useSettingsForm();
  const { loaded, draft } = form;
  const description = "How goals are approved and owned, how cards reach people, and when people are reminded.";

  if (loaded.error) return <AdminSection title="Settings" description={description}><ErrorNotice title="Settings could not be loaded" detail={loaded.error.message} onRetry={loaded.reload} /></AdminSection>;
  if (!draft) return <AdminSection title="Settings" description={description}><Spinner label="Loading settings…" /></AdminSection>;

  return (
    <AdminSection title="Settings" description={description}>
      <form className={styles.form} onSubmit={(event) => (event.preventDefault(), void form.save())}>
        <Switch label="Goals need the manager's approval" checked={draft.isApprovalRequired} onChange={(_event, data) => form.setApprovalRequired(data.checked)} />
        <Text className={styles.muted}>{draft.isApprovalRequired ? "A submitted goal waits for the owner's manager." : "A submitted goal becomes active at once."}</Text>
        <Divider />
        <OwnerPicker owners={draft.organisationGoalOwners} onChange={form.setOwners} />
        <Divider />
        <AppInstallField isEnabled={draft.isProactiveInstallEnabled} status={draft.appInstall} onChange={form.setProactiveInstall} />
        <Divider />
        <ReminderFields reminders={draft.reminders} onChange={form.changeReminders} />
        <Text className={styles.muted}>{describeCadence(draft.reminders)}</Text>
        {form.isStale && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>Someone else changed the settings while you were editing. Reload to see theirs; your changes here are not saved.</MessageBarBody>
            <MessageBarActions>
              <Button onClick={form.discard}>Reload</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {form.error && <ErrorNotice title="The settings were not saved" detail={form.error} />}
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={!form.isDirty || form.isSaving || form.isStale} icon={form.isSaving ? <Spinner size="tiny" /> : undefined}>
            Save settings
          </Button>
          <Button disabled={!form.isDirty || form.isSaving} onClick={form.discard}>
            Discard changes
          </Button>
        </div>
      </form>
    </AdminSection>
  );
}
