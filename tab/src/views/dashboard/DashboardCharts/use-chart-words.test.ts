import { describe, expect, it } from "vitest";
import { createIntl } from "@formatjs/intl";
import { createTranslator } from "../../../i18n/translator.js";
import de from "../../../i18n/messages/de.json";
import { chartWordsFor } from "./use-chart-words.js";

const tr = createTranslator(createIntl({ locale: "de", messages: de }));

describe("the charts' own names in the page's language", () => {
  it("names the donut and the bar chart by their title and count", () => {
    expect(chartWordsFor("Donut chart with 3 slices", "Ziele nach Status", tr)).toBe("Ziele nach Status: ein Diagramm mit 3 Einträgen");
    expect(chartWordsFor("Fortschritt. Horizontal bar chart with 1 bars. The X axis displays values. The Y axis displays categories. ", "Fortschritt", tr)).toBe("Fortschritt: ein Diagramm mit 1 Eintrag");
  });

  it("names a row of the bar chart by the person, and the key and the empty chart", () => {
    expect(chartWordsFor("Chiara Bianchi, bar group 1 of 2, with 1 bars.", "", tr)).toBe("Chiara Bianchi, Zeile 1 von 2");
    expect(chartWordsFor("Legends", "", tr)).toBe("Legende");
    expect(chartWordsFor("Graph has no data to display", "", tr)).toBe("Das Diagramm hat noch nichts zu zeigen.");
  });

  it("leaves a name that is not the library's alone", () => {
    expect(chartWordsFor("Chiara Bianchi. 40.", "", tr)).toBeNull();
  });
});
