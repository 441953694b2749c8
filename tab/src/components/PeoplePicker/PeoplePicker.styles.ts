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
    gridTemplateColumns: "repeat(auto-fill, minmax(240px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  person: {
    width: "100%",
    justifyContent: "flex-start",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    textAlign: "start",
    fontWeight: tokens.fontWeightRegular,
  },
  personText: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1 },
  personName: { fontWeight: tokens.fontWeightSemibold, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  personJob: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
});
