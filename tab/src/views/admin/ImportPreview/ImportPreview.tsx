/** What a dry run found: rows read, goals and key results to create or update, owners the directory
 * does not know, and each row that cannot be imported with its line. */
import { Table, TableBody, TableCell, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ImportPreview as Preview } from "../../../api/admin-types.js";
import { InfoNotice } from "../../../components/InfoNotice/InfoNotice.js";
import { useTranslator } from "../../../i18n/use-translator.js";
import { ImportErrors } from "./ImportErrors.js";
import { TableRegion } from "../../../components/TableRegion/TableRegion.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  facts: { maxWidth: "36rem" },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

export function ImportPreview({ preview }: { preview: Preview }) {
  const styles = useStyles();
  const tr = useTranslator();
  const { t } = tr;
  const counts = (c: { create: number; update: number }) => t("admin.import.createUpdate", { create: tr.formatNumber(c.create), update: tr.formatNumber(c.update) });
  return (
    <div className={styles.root} aria-live="polite">
      {preview.format !== "unknown" && <Text weight="semibold">{t(`admin.import.format.${preview.format}`)}</Text>}
      {preview.format !== "unknown" && preview.rows === 0 && <InfoNotice text={t("admin.import.nothing")} />}
      {preview.format !== "unknown" && preview.rows > 0 && (
        <TableRegion label={t("admin.import.summary")} className={styles.facts}>
          <Table aria-label={t("admin.import.summary")} size="small">
            <TableBody>
              <TableRow>
                <TableHeaderCell scope="row">{t("admin.import.rows")}</TableHeaderCell>
                <TableCell>{tr.formatNumber(preview.rows)}</TableCell>
              </TableRow>
              <TableRow>
                <TableHeaderCell scope="row">{t("admin.import.goals")}</TableHeaderCell>
                <TableCell>{counts(preview.goals)}</TableCell>
              </TableRow>
              <TableRow>
                <TableHeaderCell scope="row">{t("admin.import.keyResults")}</TableHeaderCell>
                <TableCell>{counts(preview.keyResults)}</TableCell>
              </TableRow>
              <TableRow>
                <TableHeaderCell scope="row">{t("admin.import.unchanged")}</TableHeaderCell>
                <TableCell>{tr.formatNumber(preview.unchanged)}</TableCell>
              </TableRow>
            </TableBody>
          </Table>
        </TableRegion>
      )}
      {preview.unknownOwners.length > 0 && (
        <div>
          <Text weight="semibold">{t("admin.import.owners.title")}</Text>
          <ul className={styles.list}>
            {preview.unknownOwners.map((owner) => (
              <li key={owner.owner}>{t(`admin.import.owners.${owner.problem}`, { owner: owner.owner, lines: tr.formatList(owner.lines.slice(0, 20).map((line) => String(line))) })}</li>
            ))}
          </ul>
          <Text>{t("admin.import.owners.hint")}</Text>
        </div>
      )}
      {preview.format !== "unknown" && <ImportErrors errors={preview.errors} count={preview.errorCount} />}
    </div>
  );
}
