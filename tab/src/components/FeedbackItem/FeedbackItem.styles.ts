/** The look shared by the goal details sections: a list of entries, each edged on the left. Each
 * entry colours its own edge, so check-ins and feedback stay apart at a glance. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useFeedStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeftWidth: tokens.strokeWidthThick,
    borderLeftStyle: "solid",
  },
  top: { display: "flex", alignItems: "center", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  // Line breaks as written; a space where a line wraps takes its room rather than hanging past the edge.
  text: { whiteSpace: "break-spaces", overflowWrap: "anywhere" },
});
