import { makeStyles, tokens } from "@fluentui/react-components";

export const usePersonButtonStyles = makeStyles({
  root: {
    width: "100%",
    justifyContent: "flex-start",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    textAlign: "start",
    fontWeight: tokens.fontWeightRegular,
  },
  text: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1 },
  name: { fontWeight: tokens.fontWeightSemibold, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  job: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
});
