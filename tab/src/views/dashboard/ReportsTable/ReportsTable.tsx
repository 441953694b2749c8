/** The same figures per direct report, as a table: readable by screen readers and in high contrast. */
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import type { Dashboard } from "../../../api/use-dashboard.js";
import { useTranslator } from "../../../i18n/use-translator.js";
import { TableRegion } from "../../../components/TableRegion/TableRegion.js";

export interface ReportsTableProps {
  reports: Dashboard["directReports"];
}

export function ReportsTable({ reports }: ReportsTableProps) {
  const { t, formatPercent, formatNumber } = useTranslator();
  if (reports.length === 0) return <Text>{t("dashboard.noReports")}</Text>;
  return (
    <TableRegion label={t("dashboard.table.label")}>
      <Table aria-label={t("dashboard.table.label")} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("dashboard.table.teamOf")}</TableHeaderCell>
            <TableHeaderCell>{t("dashboard.tile.people")}</TableHeaderCell>
            <TableHeaderCell>{t("dashboard.tile.goals")}</TableHeaderCell>
            <TableHeaderCell>{t("dashboard.tile.coverage")}</TableHeaderCell>
            <TableHeaderCell>{t("dashboard.tile.progress")}</TableHeaderCell>
            <TableHeaderCell>{t("dashboard.tile.atRisk")}</TableHeaderCell>
            <TableHeaderCell>{t("dashboard.tile.fresh")}</TableHeaderCell>
            <TableHeaderCell>{t("dashboard.tile.pending")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {reports.map(({ person, figures }) => (
            <TableRow key={person.id} data-report={person.id}>
              <TableCell>{person.displayName}</TableCell>
              <TableCell>{formatNumber(figures.people)}</TableCell>
              <TableCell>{formatNumber(figures.goals)}</TableCell>
              <TableCell>{formatPercent(figures.coverage)}</TableCell>
              <TableCell>{formatPercent(figures.averageProgress)}</TableCell>
              <TableCell>{formatNumber(figures.atRisk)}</TableCell>
              <TableCell>{formatPercent(figures.checkedInWithin7Days)}</TableCell>
              <TableCell>{formatNumber(figures.pendingApprovals)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableRegion>
  );
}
