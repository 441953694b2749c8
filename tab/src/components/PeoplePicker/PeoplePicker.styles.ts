import { makeStyles, tokens } from "@fluentui/react-components";

export const usePeoplePickerStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  count: { color: tokens.colorNeutralForeground3 },
  groups: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  groupTitle: { margin: `0 0 ${tokens.spacingVerticalS}`, color: tokens.colorNeutralForeground2 },
  people: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(240px, 100%), 1fr))",
    gap: tokens.spacingHorizontalS,
  },
});
