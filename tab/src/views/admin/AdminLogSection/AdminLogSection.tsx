/** What admins did recently: settings changes, closed cycles, erasures. */
import { Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { AdminLogEntry } from "../../../api/admin-types.js";
import { useAdminLog } from "../../../api/use-admin.js";
import { ErrorNotice } from "../../../components/ErrorNotice/ErrorNotice.js";
import { describeError } from "../../../i18n/describe-error.js";
import type { Translator } from "../../../i18n/translator.js";
import { AdminSection } from "../AdminSection/AdminSection.js";
import { describeResult } from "../admin-logic.js";
import { useTranslator } from "../../../i18n/use-translator.js";
import { TableRegion } from "../../../components/TableRegion/TableRegion.js";

const useStyles = makeStyles({ muted: { color: tokens.colorNeutralForeground3 } });

const ACTIONS = ["settings_changed", "cycle_closed", "person_erased", "data_exported"] as const;

function describeEntry(entry: AdminLogEntry, tr: Translator): string {
  const action = ACTIONS.find((known) => known === entry.action);
  return action ? tr.t(`admin.log.${action}`) : entry.action.replace(/_/g, " ");
}

export function AdminLogSection() {
  const styles = useStyles();
  const log = useAdminLog();
  const tr = useTranslator();
  const { t } = tr;
  return (
    <AdminSection title={t("admin.log.title")} description={t("admin.log.description")}>
      {log.error && <ErrorNotice title={t("admin.log.loadFailed")} detail={describeError(log.error, tr)} onRetry={log.reload} />}
      {log.isLoading && <Spinner label={t("shell.loading")} />}
      {log.data?.length === 0 && <Text className={styles.muted}>{t("admin.log.empty")}</Text>}
      {log.data && log.data.length > 0 && (
        <TableRegion label={t("admin.log.title")}>
          <Table aria-label={t("admin.log.title")} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("admin.log.when")}</TableHeaderCell>
                <TableHeaderCell>{t("admin.log.what")}</TableHeaderCell>
                <TableHeaderCell>{t("admin.log.details")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {log.data.map((entry) => (
                <TableRow key={entry.id}>
                  <TableCell>{tr.formatDateTime(entry.at)}</TableCell>
                  <TableCell>{describeEntry(entry, tr)}</TableCell>
                  <TableCell translate="no">{describeResult(entry.details, tr)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableRegion>
      )}
    </AdminSection>
  );
}
