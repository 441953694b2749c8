/** The organisation's default language: cards and bot messages for someone whose language Cascade
 * does not know are written in it. Each language is named in itself, so anyone can find their own. */
import { Field, Select } from "@fluentui/react-components";
import { SUPPORTED_LOCALES } from "../../../../../cards/src/i18n/locales.js";
import { directionOf } from "../../../i18n/locales.js";
import { useTranslator } from "../../../i18n/use-translator.js";
import { nameLanguageInItself } from "../admin-logic.js";
import { useFitControlStyles } from "../../../components/FitControls/fit-controls.js";

export interface DefaultLanguageFieldProps {
  value: string;
  onChange: (locale: string) => void;
}

export function DefaultLanguageField({ value, onChange }: DefaultLanguageFieldProps) {
  const fit = useFitControlStyles();
  const { t } = useTranslator();
  return (
    <Field label={t("admin.language.label")} hint={t("admin.language.hint")}>
      <Select className={fit.selectRoot} select={{ className: fit.select }} value={value} onChange={(_event, data) => onChange(data.value)}>
        {SUPPORTED_LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale} dir={directionOf(locale)}>
            {nameLanguageInItself(locale)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
