/** Rows that cannot be imported, by line, as the API lists them (the first thousand at most). */
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslator } from "../../../i18n/use-translator.js";
import { TableRegion } from "../../../components/TableRegion/TableRegion.js";

const useStyles = makeStyles({
  scroll: { maxHeight: "20rem", overflowY: "auto" },
  line: { width: "6rem" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface ImportErrorsProps {
  errors: Array<{ line: number; message: string }>;
  count: number;
}

export function ImportErrors({ errors, count }: ImportErrorsProps) {
  const styles = useStyles();
  const tr = useTranslator();
  const { t } = tr;
  if (count === 0) return <Text className={styles.muted}>{t("admin.import.errors.none")}</Text>;
  const title = t("admin.import.errors.title", { count });
  return (
    <div>
      <Text weight="semibold">{title}</Text>
      {errors.length < count && <Text className={styles.muted}>{` ${t("admin.import.errors.more", { shown: tr.formatNumber(errors.length), count: tr.formatNumber(count) })}`}</Text>}
      <TableRegion label={title} className={styles.scroll}>
        <Table aria-label={title} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.line}>{t("admin.import.errors.line")}</TableHeaderCell>
              <TableHeaderCell>{t("admin.import.errors.problem")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {errors.map((error, index) => (
              <TableRow key={`${error.line}-${index}`}>
                <TableCell className={styles.line}>{error.line}</TableCell>
                <TableCell>{error.message}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableRegion>
    </div>
  );
}
