import { makeStyles, tokens } from "@fluentui/react-components";

export const useGoalEditorStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, paddingBottom: tokens.spacingVerticalL },
  footer: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  spacer: { flexGrow: 1 },
  // No wider than the window, so a phone or a narrow side panel shows all of it.
  drawer: { maxWidth: "100%" },
});
