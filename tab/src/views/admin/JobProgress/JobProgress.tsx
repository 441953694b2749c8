/** Where a long admin job is, and how the last one ended. */
import { Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { JobStatusView } from "../../../api/admin-types.js";
import { formatDateTime } from "../../../logic/format.js";
import { JOB_STATE_TEXT, describeProgress, describeResult } from "../admin-logic.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface JobProgressProps {
  status: JobStatusView;
  /** What the job is called in sentences, e.g. "sync". */
  noun: string;
}

export function JobProgress({ status, noun }: JobProgressProps) {
  const styles = useStyles();
  const job = status.job;
  if (!job) return <Text className={styles.muted}>No {noun} has run yet.</Text>;
  if (status.isRunning) {
    const progress = describeProgress(job.progress);
    return (
      <Field className={styles.root} label={`${noun.charAt(0).toUpperCase()}${noun.slice(1)} running since ${formatDateTime(job.startedAt)}`} validationMessage={progress.label} validationState="none">
        <ProgressBar value={progress.value} thickness="large" aria-label={progress.label} />
      </Field>
    );
  }
  const finished = job.finishedAt ?? job.updatedAt;
  return (
    <div className={styles.root} aria-live="polite">
      {job.state === "succeeded" && (
        <Text>
          Last {noun} finished {formatDateTime(finished)}
          {job.result ? `: ${describeResult(job.result)}` : ""}
        </Text>
      )}
      {job.state !== "succeeded" && (
        <MessageBar intent={job.state === "failed" ? "error" : "warning"} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {JOB_STATE_TEXT[job.state]} {formatDateTime(finished)}
            </MessageBarTitle>
            {job.error ?? `The ${noun} stopped before it finished. Run it again.`}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
