/** The Adaptive Card host config for the tab, made of Fluent design tokens. Tokens are CSS
 * variables, so cards follow the light, dark and high-contrast themes without re-rendering. */
import { tokens } from "@fluentui/react-components";

function colors(normal: string, subtle: string) {
  return { default: normal, subtle };
}

const FOREGROUNDS = {
  default: colors(tokens.colorNeutralForeground1, tokens.colorNeutralForeground3),
  dark: colors(tokens.colorNeutralForeground1, tokens.colorNeutralForeground2),
  light: colors(tokens.colorNeutralForeground3, tokens.colorNeutralForeground4),
  accent: colors(tokens.colorBrandForeground1, tokens.colorBrandForeground2),
  good: colors(tokens.colorPaletteGreenForeground1, tokens.colorPaletteGreenForeground2),
  warning: colors(tokens.colorPaletteDarkOrangeForeground1, tokens.colorPaletteDarkOrangeForeground2),
  attention: colors(tokens.colorPaletteRedForeground1, tokens.colorPaletteRedForeground2),
};

const style = (backgroundColor: string) => ({ backgroundColor, foregroundColors: FOREGROUNDS });

export const CARD_HOST_CONFIG = {
  fontFamily: tokens.fontFamilyBase,
  fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  lineHeights: { small: 16, default: 20, medium: 22, large: 28, extraLarge: 32 },
  spacing: { small: 4, default: 8, medium: 12, large: 16, extraLarge: 24, padding: 12 },
  separator: { lineThickness: 1, lineColor: tokens.colorNeutralStroke2 },
  supportsInteractivity: true,
  containerStyles: {
    default: style(tokens.colorNeutralBackground1),
    emphasis: style(tokens.colorNeutralBackground3),
    accent: style(tokens.colorBrandBackground2),
    good: style(tokens.colorPaletteGreenBackground1),
    attention: style(tokens.colorPaletteRedBackground1),
    warning: style(tokens.colorPaletteYellowBackground1),
  },
  actions: {
    maxActions: 6,
    spacing: "default",
    buttonSpacing: 8,
    showCard: { actionMode: "inline", inlineTopMargin: 12, style: "emphasis" },
    actionsOrientation: "horizontal",
    actionAlignment: "left",
  },
  factSet: {
    title: { weight: "bolder", wrap: true, maxWidth: 160 },
    value: { wrap: true },
    spacing: 8,
  },
  inputs: {
    label: { inputSpacing: "small", requiredInputs: { suffix: " *", suffixColor: "attention" }, optionalInputs: {} },
    errorMessage: { spacing: "small", size: "small", color: "attention" },
  },
};
