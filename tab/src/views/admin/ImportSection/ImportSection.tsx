/** Importing goals: the template to fill in, a file to choose, its preview (and a column mapping when
 * its columns are not recognised), then the import as a job followed until it ends. */
import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, ArrowUploadRegular, DocumentArrowUpRegular } from "@fluentui/react-icons";
import { useId, useRef, type ChangeEvent } from "react";
import { buildTemplateCsv, TEMPLATE_FILE_NAME } from "../../../../../functions/src/contracts/import-template.js";
import { ErrorNotice } from "../../../components/ErrorNotice/ErrorNotice.js";
import { useNotify } from "../../../components/Notify/use-notify.js";
import { useTranslator } from "../../../i18n/use-translator.js";
import { AdminSection } from "../AdminSection/AdminSection.js";
import { ImportJob } from "../ImportJob/ImportJob.js";
import { ImportMapping } from "../ImportMapping/ImportMapping.js";
import { ImportPreview } from "../ImportPreview/ImportPreview.js";
import { saveTextFile } from "../save-file.js";
import { useImport } from "./use-import.js";

const ACCEPT = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  hidden: { display: "none" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function ImportSection() {
  const styles = useStyles();
  const notify = useNotify();
  const { t } = useTranslator();
  const input = useRef<HTMLInputElement>(null);
  const fileNameId = useId();
  const { state, preview: runPreview, start, again } = useImport();
  const { file, preview, status } = state;
  const isJobRunning = status?.status === "running";
  const isBusy = state.isPreviewing || state.isStarting || isJobRunning;

  const downloadTemplate = () => {
    saveTextFile(TEMPLATE_FILE_NAME, buildTemplateCsv(), "text/csv;charset=utf-8");
    notify(t("admin.import.templateDone"));
  };
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    // Cleared, so choosing the same file again (after fixing it) is seen as a change.
    event.target.value = "";
    if (chosen) void runPreview(chosen, null);
  };
  const showMapping = preview && !status && (preview.format === "unknown" || preview.format === "mapped");
  const canImport = preview && preview.format !== "unknown" && preview.rows > 0 && !status;

  return (
    <AdminSection title={t("admin.import.title")} description={t("admin.import.description")}>
      <div className={styles.actions}>
        <Button icon={<ArrowDownloadRegular />} onClick={downloadTemplate}>
          {t("admin.import.template")}
        </Button>
        <input ref={input} className={styles.hidden} type="file" accept={ACCEPT} tabIndex={-1} aria-hidden="true" onChange={choose} />
        <Button appearance={preview ? "secondary" : "primary"} icon={<DocumentArrowUpRegular />} aria-describedby={fileNameId} disabled={isBusy} onClick={() => input.current?.click()}>
          {t("admin.import.choose")}
        </Button>
        <Text id={fileNameId} className={file ? undefined : styles.muted}>
          {file ? t("admin.import.chosen", { name: file.name }) : t("admin.import.noFile")}
        </Text>
      </div>
      {state.isPreviewing && <Spinner size="small" label={t("admin.import.previewing")} />}
      {state.error && <ErrorNotice title={t(`admin.import.failed.${state.error.title}`)} detail={state.error.detail} />}
      {preview && !status && <ImportPreview preview={preview} />}
      {showMapping && (
        <>
          <Text weight="semibold">{t("admin.import.mapping.title")}</Text>
          <Text>{t("admin.import.mapping.description")}</Text>
          <ImportMapping key={`${file?.name}-${preview.headers.join("|")}`} headers={preview.headers} initial={preview.mapping} isBusy={isBusy} onConfirm={(mapping) => file && void runPreview(file, mapping)} />
        </>
      )}
      {canImport && (
        <div>
          <Button appearance="primary" icon={state.isStarting ? <Spinner size="tiny" /> : <ArrowUploadRegular />} disabled={isBusy} onClick={() => void start()}>
            {t("admin.import.button")}
          </Button>
        </div>
      )}
      {status && <ImportJob status={status} onAgain={again} />}
    </AdminSection>
  );
}
