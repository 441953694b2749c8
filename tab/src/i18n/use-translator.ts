import { useMemo } from "react";
import { useIntl } from "react-intl";
import { createTranslator, type Translator } from "./translator.js";

export function useTranslator(): Translator {
  const intl = useIntl();
  return useMemo(() => createTranslator(intl), [intl]);
}
