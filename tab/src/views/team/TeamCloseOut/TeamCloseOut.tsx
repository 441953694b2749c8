/** The team's close-out for a cycle whose close-out is open: the cycle report (with its CSV) and each
 * goal's close-out, where a manager can add a comment. */
import { Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { CycleView } from "../../../api/types.js";
import { useCycleReport, useDownloadReportCsv, useTeamCloseOut } from "../../../api/use-close-out.js";
import { ErrorNotice } from "../../../components/ErrorNotice/ErrorNotice.js";
import { useNotifyFailure } from "../../../components/Notify/use-notify.js";
import { describeError } from "../../../i18n/describe-error.js";
import { useTranslator } from "../../../i18n/use-translator.js";
import { CloseOutGoalItem } from "./CloseOutGoalItem.js";
import { CloseOutReport } from "./CloseOutReport.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { margin: 0, padding: 0, listStyleType: "none" },
});

export function TeamCloseOut({ managerId, cycle }: { managerId: string | null; cycle: CycleView }) {
  const styles = useStyles();
  const tr = useTranslator();
  const { t } = tr;
  const notifyFailure = useNotifyFailure();
  const headingId = useId();
  const state = useTeamCloseOut(managerId, cycle.id);
  const report = useCycleReport(managerId, cycle.id);
  const download = useDownloadReportCsv();
  const error = state.error ?? report.error;
  const onDownload = () => void download(managerId, cycle.id).catch((caught: unknown) => notifyFailure(t("teamCloseOut.notDownloaded"), caught));
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Text as="h2" size={500} weight="semibold" id={headingId}>{t("teamCloseOut.heading", { cycle: cycle.name })}</Text>
      {error && <ErrorNotice title={t("teamCloseOut.loadFailed")} detail={describeError(error, tr)} onRetry={() => { state.reload(); report.reload(); }} />}
      {(state.isLoading || report.isLoading) && <Spinner label={t("teamCloseOut.loading")} />}
      {report.data && <CloseOutReport report={report.data} onDownload={onDownload} />}
      {state.data && (
        <ul className={styles.list} aria-label={t("teamCloseOut.goals")}>
          {state.data.goals.map((goal) => <CloseOutGoalItem key={goal.id} goal={goal} />)}
        </ul>
      )}
    </section>
  );
}
