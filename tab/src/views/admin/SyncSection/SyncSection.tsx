/** Reads the org chart from Microsoft Graph now, instead of waiting for the hourly run. */
import { Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowSyncRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { useAdminActions, useJobStatus } from "../../../api/use-admin.js";
import { ErrorNotice } from "../../../components/ErrorNotice/ErrorNotice.js";
import { InfoNotice } from "../../../components/InfoNotice/InfoNotice.js";
import { AdminSection } from "../AdminSection/AdminSection.js";
import { JobProgress } from "../JobProgress/JobProgress.js";

const useStyles = makeStyles({
  actions: { display: "flex", gap: tokens.spacingHorizontalM },
});

export function SyncSection() {
  const styles = useStyles();
  const status = useJobStatus("sync");
  const actions = useAdminActions();
  const [error, setError] = useState<string | null>(null);
  const [isStarting, setIsStarting] = useState(false);

  const start = async () => {
    setIsStarting(true);
    setError(null);
    try {
      await actions.startJob("sync");
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      status.reload();
    } finally {
      setIsStarting(false);
    }
  };

  const data = status.data;
  return (
    <AdminSection title="Org chart" description="Cascade follows your organisation's manager chain from Microsoft Entra ID. It syncs every hour; sync now after a reorganisation.">
      {status.error && <ErrorNotice title="The sync status could not be loaded" detail={status.error.message} onRetry={status.reload} />}
      {status.isLoading && <Spinner label="Loading…" />}
      {data && data.isAvailable === false && <InfoNotice text="Sync is not set up: Cascade needs its app registration's credentials to read the org chart. See the admin guide." />}
      {data && <JobProgress status={data} noun="sync" />}
      {error && <ErrorNotice title="The sync did not start" detail={error} />}
      <div className={styles.actions}>
        <Button appearance="primary" icon={isStarting ? <Spinner size="tiny" /> : <ArrowSyncRegular />} disabled={!data || data.isRunning || data.isAvailable === false || isStarting} onClick={() => void start()}>
          Sync now
        </Button>
      </div>
    </AdminSection>
  );
}
