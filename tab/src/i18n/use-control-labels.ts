/** Names for the parts Fluent's controls draw themselves (a spin button's arrows, a search box's
 * clear button, a combo box's chevron), which Fluent only names in English. Spread each onto its
 * control. */
import { useMemo } from "react";
import { useTranslator } from "./use-translator.js";

export function useControlLabels() {
  const { t } = useTranslator();
  return useMemo(
    () => ({
      spinButton: { incrementButton: { "aria-label": t("common.increase") }, decrementButton: { "aria-label": t("common.decrease") } },
      searchBox: { dismiss: { "aria-label": t("common.clearSearch") } },
      combobox: { expandIcon: { "aria-label": t("common.showOptions") } },
    }),
    [t],
  );
}
