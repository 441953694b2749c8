/** Reads the org chart from Microsoft Graph now, instead of waiting for the hourly run. */
import { Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowSyncRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { useAdminActions, useJobStatus } from "../../../api/use-admin.js";
import { ErrorNotice } from "../../../components/ErrorNotice/ErrorNotice.js";
import { InfoNotice } from "../../../components/InfoNotice/InfoNotice.js";
import { describeError } from "../../../i18n/describe-error.js";
import { AdminSection } from "../AdminSection/AdminSection.js";
import { JobProgress } from "../JobProgress/JobProgress.js";
import { useTranslator } from "../../../i18n/use-translator.js";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
});

export function SyncSection() {
  const styles = useStyles();
  const status = useJobStatus("sync");
  const actions = useAdminActions();
  const tr = useTranslator();
  const { t } = tr;
  const [error, setError] = useState<string | null>(null);
  const [isStarting, setIsStarting] = useState(false);

  const start = async () => {
    setIsStarting(true);
    setError(null);
    try {
      await actions.startJob("sync");
    } catch (caught) {
      setError(describeError(caught, tr));
      status.reload();
    } finally {
      setIsStarting(false);
    }
  };

  const data = status.data;
  return (
    <AdminSection title={t("admin.sync.title")} description={t("admin.sync.description")}>
      {status.error && <ErrorNotice title={t("admin.sync.loadFailed")} detail={describeError(status.error, tr)} onRetry={status.reload} />}
      {status.isLoading && <Spinner label={t("shell.loading")} />}
      {data && data.isAvailable === false && <InfoNotice text={t("admin.sync.unavailable")} />}
      {data && <JobProgress status={data} kind="sync" />}
      {error && <ErrorNotice title={t("admin.sync.failed")} detail={error} />}
      <div className={styles.actions}>
        <Button appearance="primary" icon={isStarting ? <Spinner size="tiny" /> : <ArrowSyncRegular />} disabled={!data || data.isRunning || data.isAvailable === false || isStarting} onClick={() => void start()}>
          {t("admin.sync.button")}
        </Button>
      </div>
    </AdminSection>
  );
}
