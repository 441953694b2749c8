/** The subset of the Adaptive Card 1.5 JSON shape the builders emit. Kept loose on purpose:
 * the adaptivecards parser in the tests is the real schema check. */

export const CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
/** Teams renders Universal Actions (Action.Execute, refresh) only from schema 1.5 on, and 1.5 is its ceiling. */
export const CARD_VERSION = "1.5";

export type CardStyle = "default" | "emphasis" | "good" | "attention" | "warning" | "accent";

export interface CardElement {
  type: string;
  [key: string]: unknown;
}

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
