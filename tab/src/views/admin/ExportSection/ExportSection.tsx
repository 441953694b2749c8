/** Everything Cascade holds for the organisation, as one JSON file. */
import { Button, Spinner, Text } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { useAdminActions } from "../../../api/use-admin.js";
import { ErrorNotice } from "../../../components/ErrorNotice/ErrorNotice.js";
import { useNotify } from "../../../components/Notify/use-notify.js";
import { describeError } from "../../../i18n/describe-error.js";
import { AdminSection } from "../AdminSection/AdminSection.js";
import { buildExportFileName } from "../admin-logic.js";
import { saveJsonFile } from "../save-file.js";
import { useTranslator } from "../../../i18n/use-translator.js";

export function ExportSection() {
  const actions = useAdminActions();
  const notify = useNotify();
  const tr = useTranslator();
  const { t } = tr;
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
      notify(t("admin.export.done"));
    } catch (caught) {
      setError(describeError(caught, tr));
    } finally {
      setIsExporting(false);
    }
  };

  return (
    <AdminSection title={t("admin.export.title")} description={t("admin.export.description")}>
      <div>
        <Button appearance="primary" icon={isExporting ? <Spinner size="tiny" /> : <ArrowDownloadRegular />} disabled={isExporting} onClick={() => void download()}>
          {t("admin.export.button")}
        </Button>
      </div>
      {records !== null && (
        <Text aria-live="polite">
          {isExporting ? t("admin.export.collecting", { count: records }) : t("admin.export.count", { count: records })}
        </Text>
      )}
      {error && <ErrorNotice title={t("admin.export.failed")} detail={error} />}
    </AdminSection>
  );
}
