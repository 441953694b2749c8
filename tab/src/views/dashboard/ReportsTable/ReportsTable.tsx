/** The same figures per direct report, as a table: readable by screen readers and in high contrast. */
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import type { Dashboard } from "../../../api/use-dashboard.js";
import { formatPercent } from "../../../logic/format.js";

export interface ReportsTableProps {
  reports: Dashboard["directReports"];
}

export function ReportsTable({ reports }: ReportsTableProps) {
  if (reports.length === 0) return <Text>No direct reports.</Text>;
  return (
    <Table aria-label="Figures per direct report" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Team of</TableHeaderCell>
          <TableHeaderCell>People</TableHeaderCell>
          <TableHeaderCell>Goals</TableHeaderCell>
          <TableHeaderCell>Coverage</TableHeaderCell>
          <TableHeaderCell>Average progress</TableHeaderCell>
          <TableHeaderCell>At risk</TableHeaderCell>
          <TableHeaderCell>Checked in this week</TableHeaderCell>
          <TableHeaderCell>Waiting for approval</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {reports.map(({ person, figures }) => (
          <TableRow key={person.id} data-report={person.id}>
            <TableCell>{person.displayName}</TableCell>
            <TableCell>{figures.people}</TableCell>
            <TableCell>{figures.goals}</TableCell>
            <TableCell>{formatPercent(figures.coverage)}</TableCell>
            <TableCell>{formatPercent(figures.averageProgress)}</TableCell>
            <TableCell>{figures.atRisk}</TableCell>
            <TableCell>{formatPercent(figures.checkedInWithin7Days)}</TableCell>
            <TableCell>{figures.pendingApprovals}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
