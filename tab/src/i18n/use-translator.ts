import { useMemo } from "react";
import { useIntl } from "react-intl";
import { useTabLocale } from "./tab-locale-context.js";
import { createTranslator, type Translator } from "./translator.js";

export function useTranslator(): Translator {
  const intl = useIntl();
  const locale = useTabLocale();
  return useMemo(() => createTranslator(intl, { locale }), [intl, locale]);
}
