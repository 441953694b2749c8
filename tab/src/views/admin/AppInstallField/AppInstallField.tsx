/** The setting that lets Cascade install its Teams app for people a card must reach, with what this
 * deployment still needs for it and the last refusal from Microsoft Graph. */
import { MessageBar, MessageBarBody, MessageBarTitle, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { AppInstallStatus } from "../../../api/admin-types.js";
import { formatDateTime } from "../../../logic/format.js";
import { describeAppInstall, describeInstallProblem } from "../admin-logic.js";

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
  return (
    <div className={styles.field}>
      <Switch label="Install Cascade for people who need a card" checked={isEnabled} onChange={(_event, data) => onChange(data.checked)} />
      <Text className={styles.muted}>{describeAppInstall(isEnabled)}</Text>
      {!status.isAvailable && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Not available in this deployment</MessageBarTitle>
            {status.unavailableReason}
          </MessageBarBody>
        </MessageBar>
      )}
      {status.isAvailable && isEnabled && status.lastProblem && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Cascade could not install the app</MessageBarTitle>
            {describeInstallProblem(status.lastProblem, formatDateTime)}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
