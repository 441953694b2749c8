/** A running import's progress, and how it ended: counts, rows skipped for errors, and after a
 * failure what it left behind and how to go on. */
import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ImportStatus } from "../../../api/admin-types.js";
import { useTranslator } from "../../../i18n/use-translator.js";
import { ImportErrors } from "../ImportPreview/ImportErrors.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface ImportJobProps {
  status: ImportStatus;
  /** Imports the same file again: after a failure this resumes. */
  onAgain(): void;
}

export function ImportJob({ status, onAgain }: ImportJobProps) {
  const styles = useStyles();
  const tr = useTranslator();
  const { t } = tr;
  const counts = t("admin.import.job.counts", { processed: tr.formatNumber(status.processed), created: tr.formatNumber(status.created), updated: tr.formatNumber(status.updated), skipped: tr.formatNumber(status.skipped) });
  if (status.status === "running") {
    const label = status.total ? t("admin.import.job.progress", { processed: tr.formatNumber(status.processed), total: tr.formatNumber(status.total) }) : t("admin.import.job.planning");
    return (
      <Field className={styles.root} label={t("admin.import.job.running", { since: tr.formatDateTime(status.startedAt) })} validationMessage={`${label} · ${counts}`} validationState="none">
        <ProgressBar value={status.total ? Math.min(1, status.processed / status.total) : undefined} thickness="large" aria-label={label} />
      </Field>
    );
  }
  const when = tr.formatDateTime(status.finishedAt ?? status.startedAt);
  return (
    <div className={styles.root} aria-live="polite">
      {status.status === "done" ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("admin.import.job.done", { when })}</MessageBarTitle>
            {counts}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("admin.import.job.failed", { when })}</MessageBarTitle>
            <Text block>{counts}</Text>
            {status.failure && <Text block>{status.failure}</Text>}
            <Text block>{t("admin.import.job.resume")}</Text>
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={onAgain}>{t("admin.import.job.again")}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <ImportErrors errors={status.errors} count={status.errorCount} />
    </div>
  );
}
