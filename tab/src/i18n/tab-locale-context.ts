/** The language the tab is showing, for what FormatJS does not know: the pseudo-locale formats as
 * English, and the translator accents those formats too. */
import { createContext, useContext } from "react";
import type { TabLocale } from "./locales.js";

export const TabLocaleContext = createContext<TabLocale>("en");

export function useTabLocale(): TabLocale {
  return useContext(TabLocaleContext);
}
