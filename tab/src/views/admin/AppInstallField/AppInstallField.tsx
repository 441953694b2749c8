/** The setting that lets Cascade install its Teams app for people a card must reach, with what this
 * deployment still needs for it and the last refusal from Microsoft Graph. */
import { MessageBar, MessageBarBody, MessageBarTitle, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { AppInstallStatus } from "../../../api/admin-types.js";
import { describeAppInstall, describeInstallProblem } from "../admin-logic.js";
import { useTranslator } from "../../../i18n/use-translator.js";

const useStyles = makeStyles({
  field: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface AppInstallFieldProps {
  isEnabled: boolean;
  status: AppInstallStatus;
  onChange(isEnabled: boolean): void;
}

export function AppInstallField({ isEnabled, status, onChange }: AppInstallFieldProps) {
  const styles = useStyles();
  const tr = useTranslator();
  const { t } = tr;
  return (
    <div className={styles.field}>
      <Switch label={t("admin.appInstall.label")} checked={isEnabled} onChange={(_event, data) => onChange(data.checked)} />
      <Text className={styles.muted}>{describeAppInstall(isEnabled, tr)}</Text>
      {!status.isAvailable && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("admin.appInstall.unavailable")}</MessageBarTitle>
            {status.unavailableReason && t(`admin.appInstall.blocker.${status.unavailableReason}`)}
          </MessageBarBody>
        </MessageBar>
      )}
      {status.isAvailable && isEnabled && status.lastProblem && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("admin.appInstall.failed")}</MessageBarTitle>
            {describeInstallProblem(status.lastProblem, tr)}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
