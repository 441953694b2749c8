/** Where a long admin job is, and how the last one ended. */
import { Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { JobStatusView } from "../../../api/admin-types.js";
import { describeProgress, describeResult } from "../admin-logic.js";
import { useTranslator } from "../../../i18n/use-translator.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface JobProgressProps {
  status: JobStatusView;
  /** Which job: its messages say what it is in the person's language. */
  kind: "sync" | "erase";
}

export function JobProgress({ status, kind }: JobProgressProps) {
  const styles = useStyles();
  const tr = useTranslator();
  const { t } = tr;
  const job = status.job;
  if (!job) return <Text className={styles.muted}>{t(`admin.job.${kind}.none`)}</Text>;
  if (status.isRunning) {
    const progress = describeProgress(job.progress, tr);
    return (
      <Field className={styles.root} label={t(`admin.job.${kind}.running`, { since: tr.formatDateTime(job.startedAt) })} validationMessage={progress.label} validationState="none">
        <ProgressBar value={progress.value} thickness="large" aria-label={progress.label} />
      </Field>
    );
  }
  const finished = job.finishedAt ?? job.updatedAt;
  return (
    <div className={styles.root} aria-live="polite">
      {job.state === "succeeded" && (
        <Text>
          {t(`admin.job.${kind}.finished`, { when: tr.formatDateTime(finished) })}
          {job.result && <span translate="no">{` · ${describeResult(job.result, tr)}`}</span>}
        </Text>
      )}
      {job.state !== "succeeded" && (
        <MessageBar intent={job.state === "failed" ? "error" : "warning"} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {t(`admin.job.state.${job.state}`, { when: tr.formatDateTime(finished) })}
            </MessageBarTitle>
            {job.error ?? t(`admin.job.${kind}.stopped`)}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
