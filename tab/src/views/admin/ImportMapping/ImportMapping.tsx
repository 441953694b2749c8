/** For a sheet that is neither the template nor a Viva Goals export: the admin says which of its
 * columns holds each field of the import model, then previews again. */
import { Button, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import { IMPORT_FIELDS, REQUIRED_FIELDS } from "../../../../../functions/src/contracts/index.js";
import type { ColumnMapping, ImportField } from "../../../api/admin-types.js";
import { useTranslator } from "../../../i18n/use-translator.js";
import { useFitControlStyles } from "../../../components/FitControls/fit-controls.js";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(min(14rem, 100%), 1fr))", gap: tokens.spacingHorizontalL },
});

export interface ImportMappingProps {
  headers: string[];
  /** The columns recognised so far, or the mapping confirmed before. */
  initial: ColumnMapping;
  isBusy: boolean;
  onConfirm(mapping: ColumnMapping): void;
}

export function ImportMapping({ headers, initial, isBusy, onConfirm }: ImportMappingProps) {
  const fit = useFitControlStyles();
  const styles = useStyles();
  const { t } = useTranslator();
  const [mapping, setMapping] = useState<ColumnMapping>(initial);
  const columns = [...new Set(headers.map((header) => header.trim()).filter((header) => header !== ""))];
  const isComplete = REQUIRED_FIELDS.every((field) => mapping[field]);

  const choose = (field: ImportField, header: string) =>
    setMapping((current) => {
      const next = { ...current };
      if (header === "") delete next[field];
      else next[field] = header;
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isComplete) onConfirm(mapping);
  };

  return (
    <form className={styles.form} aria-label={t("admin.import.mapping.title")} onSubmit={submit}>
      <div className={styles.grid}>
        {IMPORT_FIELDS.map((field) => (
          <Field key={field} label={t(`admin.import.field.${field}`)} required={REQUIRED_FIELDS.includes(field)}>
            <Select className={fit.selectRoot} select={{ className: fit.select }} value={mapping[field] ?? ""} onChange={(_event, data) => choose(field, data.value)}>
              <option value="">{t("admin.import.mapping.none")}</option>
              {columns.map((header) => (
                <option key={header} value={header}>
                  {header}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
      <div>
        <Button type="submit" appearance="primary" disabled={!isComplete || isBusy}>
          {t("admin.import.mapping.preview")}
        </Button>
      </div>
    </form>
  );
}
