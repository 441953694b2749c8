/** The Adaptive Card 1.5 JSON the builders emit: each element and action is told apart by its
 * `type`, and carries only the properties Cascade sets. The adaptivecards parser in the tests is
 * the real schema check (it also catches a misspelt property). */

export const CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
/** Teams renders Universal Actions (Action.Execute, refresh) only from schema 1.5 on, and 1.5 is its ceiling. */
export const CARD_VERSION = "1.5";

export type CardStyle = "default" | "emphasis" | "good" | "attention" | "warning" | "accent";
export type CardSpacing = "None" | "Small" | "Medium" | "Large" | "ExtraLarge";

/** What every element may say about its place on the card. */
interface ElementLayout {
  spacing?: CardSpacing;
  separator?: boolean;
}

export interface TextBlock extends ElementLayout {
  type: "TextBlock";
  text: string;
  wrap?: boolean;
  size?: "Small" | "Medium" | "Large";
  weight?: "Bolder";
  isSubtle?: boolean;
  color?: "Good" | "Warning" | "Attention" | "Accent";
}

export interface Fact {
  title: string;
  value: string;
}

export interface FactSet extends ElementLayout {
  type: "FactSet";
  facts: Fact[];
}

export interface Container extends ElementLayout {
  type: "Container";
  style?: CardStyle;
  items: CardElement[];
}

export interface ActionSet extends ElementLayout {
  type: "ActionSet";
  actions: CardAction[];
}

export interface Column {
  type: "Column";
  width?: "auto" | "stretch";
  items: CardElement[];
}

export interface ColumnSet extends ElementLayout {
  type: "ColumnSet";
  columns: Column[];
}

/** Every input has a label, and says what to fix when it is required or out of range. */
interface InputBase extends ElementLayout {
  id: string;
  label: string;
  isRequired?: boolean;
  errorMessage?: string;
}

export interface TextInput extends InputBase {
  type: "Input.Text";
  placeholder?: string;
  isMultiline?: boolean;
  maxLength?: number;
  value?: string;
}

export interface NumberInput extends InputBase {
  type: "Input.Number";
  min?: number;
  max?: number;
  value?: number;
}

/** Submitted as the string "true" or "false". */
export interface ToggleInput extends InputBase {
  type: "Input.Toggle";
  title: string;
  value?: "true" | "false";
}

export interface Choice {
  title: string;
  value: string;
}

export interface ChoiceSetInput extends InputBase {
  type: "Input.ChoiceSet";
  choices: Choice[];
  style?: "compact" | "expanded";
  value?: string;
}

export type CardInput = TextInput | NumberInput | ToggleInput | ChoiceSetInput;

export type CardElement = TextBlock | FactSet | Container | ActionSet | ColumnSet | CardInput;

export type ActionData = Record<string, unknown>;

export interface SubmitAction {
  type: "Action.Submit";
  title: string;
  data: ActionData;
  associatedInputs?: "auto" | "none";
  style?: "positive" | "destructive";
}

export interface ExecuteAction {
  type: "Action.Execute";
  title?: string;
  verb: string;
  data: ActionData;
  associatedInputs?: "auto" | "none";
  style?: "positive" | "destructive";
  fallback?: SubmitAction;
}

export interface OpenUrlAction {
  type: "Action.OpenUrl";
  title: string;
  url: string;
}

export interface ShowCardAction {
  type: "Action.ShowCard";
  title: string;
  card: { type: "AdaptiveCard"; body: CardElement[]; actions?: CardAction[] };
}

export type CardAction = SubmitAction | ExecuteAction | OpenUrlAction | ShowCardAction;

export interface CardRefresh {
  action: ExecuteAction;
  /** Teams user ids (MRIs) that refresh automatically; at most 60. */
  userIds: string[];
}

export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: typeof CARD_SCHEMA;
  version: typeof CARD_VERSION;
  body: CardElement[];
  actions?: CardAction[];
  refresh?: CardRefresh;
  msteams?: { width: "Full" };
}
