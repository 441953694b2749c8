/** The cycle report over a manager's subtree: how the close-out went, per direct report's subtree. */
import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import type { CycleReport } from "../../../api/use-close-out.js";
import { useTranslator } from "../../../i18n/use-translator.js";
import { TableRegion } from "../../../components/TableRegion/TableRegion.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  bands: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, margin: 0, padding: 0, listStyleType: "none" },
});

export interface CloseOutReportProps {
  report: CycleReport;
  onDownload: () => void;
}

export function CloseOutReport({ report, onDownload }: CloseOutReportProps) {
  const styles = useStyles();
  const tr = useTranslator();
  const { t } = tr;
  const share = (value: number | null) => (value === null ? t("teamCloseOut.none") : tr.formatPercent(value));
  const { team } = report;
  return (
    <div className={styles.root}>
      <Text>{t("teamCloseOut.summary", { closedOut: team.closedOut, goals: team.goals, achieved: share(team.achievedShare), carried: share(team.carryOverRate) })}</Text>
      <ul className={styles.bands} aria-label={t("teamCloseOut.distribution")}>
        {team.scoreDistribution.map((band) => <li key={band.from}>{t("teamCloseOut.band", { from: band.from, to: band.to, count: band.count })}</li>)}
      </ul>
      {report.subtrees.length > 0 && (
        <TableRegion label={t("teamCloseOut.subtrees")}>
          <Table aria-label={t("teamCloseOut.subtrees")} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("teamCloseOut.column.person")}</TableHeaderCell>
                <TableHeaderCell>{t("teamCloseOut.column.closedOut")}</TableHeaderCell>
                <TableHeaderCell>{t("teamCloseOut.column.achieved")}</TableHeaderCell>
                <TableHeaderCell>{t("teamCloseOut.column.carried")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.subtrees.map((row) => (
                <TableRow key={row.personId}>
                  <TableCell>{row.displayName}</TableCell>
                  <TableCell>{t("teamCloseOut.ofGoals", { closedOut: row.closedOut, goals: row.goals })}</TableCell>
                  <TableCell>{share(row.achievedShare)}</TableCell>
                  <TableCell>{share(row.carryOverRate)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableRegion>
      )}
      <div>
        <Button icon={<ArrowDownloadRegular />} onClick={onDownload}>{t("teamCloseOut.download")}</Button>
      </div>
    </div>
  );
}
