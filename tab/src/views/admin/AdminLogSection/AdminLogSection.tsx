/** What admins did recently: settings changes, closed cycles, erasures. */
import { Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { AdminLogEntry } from "../../../api/admin-types.js";
import { useAdminLog } from "../../../api/use-admin.js";
import { ErrorNotice } from "../../../components/ErrorNotice/ErrorNotice.js";
import { formatDateTime } from "../../../logic/format.js";
import { AdminSection } from "../AdminSection/AdminSection.js";
import { describeResult } from "../admin-logic.js";

const useStyles = makeStyles({ muted: { color: tokens.colorNeutralForeground3 } });

const ACTIONS: Record<string, string> = {
  settings_changed: "Settings changed",
  cycle_closed: "Cycle closed",
  person_erased: "A person's data was erased",
  data_exported: "Data exported",
};

function describeEntry(entry: AdminLogEntry): string {
  return ACTIONS[entry.action] ?? entry.action.replace(/_/g, " ");
}

export function AdminLogSection() {
  const styles = useStyles();
  const log = useAdminLog();
  return (
    <AdminSection title="Admin activity" description="The latest admin actions, newest first.">
      {log.error && <ErrorNotice title="The admin log could not be loaded" detail={log.error.message} onRetry={log.reload} />}
      {log.isLoading && <Spinner label="Loading…" />}
      {log.data?.length === 0 && <Text className={styles.muted}>Nothing yet.</Text>}
      {log.data && log.data.length > 0 && (
        <Table aria-label="Admin activity" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>When</TableHeaderCell>
              <TableHeaderCell>What</TableHeaderCell>
              <TableHeaderCell>Details</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {log.data.map((entry) => (
              <TableRow key={entry.id}>
                <TableCell>{formatDateTime(entry.at)}</TableCell>
                <TableCell>{describeEntry(entry)}</TableCell>
                <TableCell>{describeResult(entry.details)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </AdminSection>
  );
}
