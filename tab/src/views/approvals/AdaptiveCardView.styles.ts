import { makeStyles, shorthands, tokens } from "@fluentui/react-components";

/** The library renders plain elements with its own class names; these rules give them the look
 * of Fluent controls, in every theme. */
export const useCardStyles = makeStyles({
  root: { position: "relative", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  card: {
    borderRadius: tokens.borderRadiusMedium,
    overflow: "hidden",
    overflowWrap: "anywhere",
    ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke2),
    "& .ac-adaptiveCard": { borderRadius: tokens.borderRadiusMedium },
    // The card's buttons move onto another line when the window is too narrow for all of them.
    "& .ac-actionSet": { flexWrap: "wrap", rowGap: tokens.spacingVerticalS },
    "& .ac-pushButton": {
      cursor: "pointer",
      minHeight: "32px",
      padding: `0 ${tokens.spacingHorizontalM}`,
      fontFamily: tokens.fontFamilyBase,
      fontSize: tokens.fontSizeBase300,
      fontWeight: tokens.fontWeightSemibold,
      borderRadius: tokens.borderRadiusMedium,
      color: tokens.colorNeutralForeground1,
      backgroundColor: tokens.colorNeutralBackground1,
      ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke1),
    },
    "& .ac-pushButton:hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    "& .ac-pushButton:focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
    "& .ac-pushButton.style-positive": { color: tokens.colorNeutralForegroundOnBrand, backgroundColor: tokens.colorBrandBackground, ...shorthands.borderColor("transparent") },
    "& .ac-pushButton.style-positive:hover": { backgroundColor: tokens.colorBrandBackgroundHover },
    "& .ac-pushButton.style-destructive": { color: tokens.colorPaletteRedForeground1 },
    "& .ac-pushButton.expanded": { backgroundColor: tokens.colorNeutralBackground1Selected },
    "& .ac-pushButton:disabled": { cursor: "default", color: tokens.colorNeutralForegroundDisabled },
    "& .ac-input": {
      fontFamily: tokens.fontFamilyBase,
      fontSize: tokens.fontSizeBase300,
      color: tokens.colorNeutralForeground1,
      backgroundColor: tokens.colorNeutralBackground1,
      borderRadius: tokens.borderRadiusMedium,
      padding: tokens.spacingHorizontalS,
      ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke1),
    },
    "& .ac-input.ac-input-validation-failed": { ...shorthands.borderColor(tokens.colorPaletteRedBorder2) },
    "& a": { color: tokens.colorBrandForegroundLink },
    // The library makes a text block's first element as wide as the block; the list's indent (on the
    // side where a line starts, in either direction) stays inside that width.
    "& ul": { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, boxSizing: "border-box" },
  },
  busy: {
    position: "absolute",
    inset: 0,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    backgroundColor: tokens.colorBackgroundOverlay,
    borderRadius: tokens.borderRadiusMedium,
  },
});
