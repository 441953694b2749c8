/** Approval, organisation-goal owners, installing the app for people, reminder cadence and the
 * default language for the whole organisation. */
import { Button, Divider, MessageBar, MessageBarActions, MessageBarBody, Spinner, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorNotice } from "../../../components/ErrorNotice/ErrorNotice.js";
import { describeError } from "../../../i18n/describe-error.js";
import { useTranslator } from "../../../i18n/use-translator.js";
import { AdminSection } from "../AdminSection/AdminSection.js";
import { AppInstallField } from "../AppInstallField/AppInstallField.js";
import { DefaultLanguageField } from "../DefaultLanguageField/DefaultLanguageField.js";
import { describeCadence } from "../admin-logic.js";
import { OwnerPicker } from "../OwnerPicker/OwnerPicker.js";
import { ReminderFields } from "../ReminderFields/ReminderFields.js";
import { useSettingsForm } from "./use-settings-form.js";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "720px" },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
});

export function SettingsSection() {
  const styles = useStyles();
  const form = useSettingsForm();
  const { loaded, draft } = form;
  const tr = useTranslator();
  const { t } = tr;
  const title = t("admin.settings.title");
  const description = t("admin.settings.description");

  if (loaded.error) return <AdminSection title={title} description={description}><ErrorNotice title={t("admin.settings.loadFailed")} detail={describeError(loaded.error, tr)} onRetry={loaded.reload} /></AdminSection>;
  if (!draft) return <AdminSection title={title} description={description}><Spinner label={t("admin.settings.loading")} /></AdminSection>;

  return (
    <AdminSection title={title} description={description}>
      <form className={styles.form} onSubmit={(event) => (event.preventDefault(), void form.save())}>
        <Switch label={t("admin.settings.approval")} checked={draft.isApprovalRequired} onChange={(_event, data) => form.setApprovalRequired(data.checked)} />
        <Text className={styles.muted}>{draft.isApprovalRequired ? t("admin.settings.approval.on") : t("admin.settings.approval.off")}</Text>
        <Divider />
        <OwnerPicker owners={draft.organisationGoalOwners} onChange={form.setOwners} />
        <Divider />
        <AppInstallField isEnabled={draft.isProactiveInstallEnabled} status={draft.appInstall} onChange={form.setProactiveInstall} />
        <Divider />
        <ReminderFields reminders={draft.reminders} onChange={form.changeReminders} />
        <Text className={styles.muted}>{describeCadence(draft.reminders, tr)}</Text>
        <Divider />
        <DefaultLanguageField value={draft.defaultLocale} onChange={form.setDefaultLocale} />
        {form.isStale && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t("admin.settings.stale")}</MessageBarBody>
            <MessageBarActions>
              <Button onClick={form.discard}>{t("goalEditor.reload")}</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {form.error && <ErrorNotice title={t("admin.settings.notSaved")} detail={form.error} />}
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={!form.isDirty || form.isSaving || form.isStale} icon={form.isSaving ? <Spinner size="tiny" /> : undefined}>
            {t("admin.settings.save")}
          </Button>
          <Button disabled={!form.isDirty || form.isSaving} onClick={form.discard}>
            {t("admin.settings.discard")}
          </Button>
        </div>
      </form>
    </AdminSection>
  );
}
