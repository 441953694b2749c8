/** Everything Cascade holds for the organisation, as one JSON file. */
import { Button, Spinner, Text } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { useAdminActions } from "../../../api/use-admin.js";
import { ErrorNotice } from "../../../components/ErrorNotice/ErrorNotice.js";
import { useNotify } from "../../../components/Notify/use-notify.js";
import { AdminSection } from "../AdminSection/AdminSection.js";
import { buildExportFileName } from "../admin-logic.js";
import { saveJsonFile } from "../save-file.js";

export function ExportSection() {
  const actions = useAdminActions();
  const notify = useNotify();
  const [records, setRecords] = useState<number | null>(null);
  const [isExporting, setIsExporting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const download = async () => {
    setIsExporting(true);
    setError(null);
    setRecords(0);
    try {
      const now = new Date();
      const document = await actions.exportAll(setRecords, now);
      saveJsonFile(buildExportFileName(document.tenantId, now), document);
      notify("Export downloaded");
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setIsExporting(false);
    }
  };

  return (
    <AdminSection title="Export" description="Download everything Cascade stores for your organisation: people, cycles, goals and key results, history, check-ins, kudos, comments, settings and chat registrations.">
      <div>
        <Button appearance="primary" icon={isExporting ? <Spinner size="tiny" /> : <ArrowDownloadRegular />} disabled={isExporting} onClick={() => void download()}>
          Download everything (JSON)
        </Button>
      </div>
      {records !== null && (
        <Text aria-live="polite">
          {isExporting ? `Collecting… ${records.toLocaleString("en")} records so far` : `${records.toLocaleString("en")} records exported.`}
        </Text>
      )}
      {error && <ErrorNotice title="The export stopped" detail={error} />}
    </AdminSection>
  );
}
