/** Pickers that fit a narrow window. Fluent's Dropdown and Combobox keep at least 250 px and a native
 * select is as wide as its longest option, which is wider than a phone's line once a language
 * lengthens the words; these classes let them shrink to the line they are on, no further. */
import { makeStyles } from "@fluentui/react-components";

export const useFitControlStyles = makeStyles({
  /** For a Dropdown or Combobox root. */
  picker: { minWidth: "min(250px, 100%)", maxWidth: "100%", boxSizing: "border-box" },
  /** For a Select root, with `select` on its native element. */
  selectRoot: { maxWidth: "100%", minWidth: 0 },
  select: { minWidth: 0, width: "100%", textOverflow: "ellipsis" },
});
