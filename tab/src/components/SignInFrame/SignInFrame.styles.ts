import { makeStyles, tokens } from "@fluentui/react-components";

export const useSignInStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", alignItems: "center", padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}` },
  topBar: { display: "flex", alignItems: "center", justifyContent: "space-between", width: "100%", maxWidth: "960px", marginBottom: tokens.spacingVerticalL },
  brand: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, color: tokens.colorBrandForeground1 },
  brandName: { color: tokens.colorNeutralForeground1 },
  panel: {
    width: "100%",
    maxWidth: "960px",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXXL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow4,
  },
  intro: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  heading: { margin: 0 },
});
