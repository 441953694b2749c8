/** Small constructors for the card elements the builders share. */
import {
  CARD_SCHEMA,
  CARD_VERSION,
  type ActionData,
  type ActionSet,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type CardRefresh,
  type CardStyle,
  type Container,
  type ExecuteAction,
  type FactSet,
  type OpenUrlAction,
  type ShowCardAction,
  type TextBlock,
} from "./card-json.js";
import { SUBMIT_VERB_KEY, type Verb } from "./verbs.js";

export function createCard(body: CardElement[], actions: CardAction[] = [], refresh?: CardRefresh): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    ...(refresh ? { refresh } : {}),
    body,
    ...(actions.length > 0 ? { actions } : {}),
    msteams: { width: "Full" },
  };
}

type TextOptions = Pick<TextBlock, "size" | "weight" | "isSubtle" | "color" | "spacing">;

export function createText(text: string, options: TextOptions = {}): TextBlock {
  return { type: "TextBlock", text, wrap: true, ...options };
}

export function createHeading(text: string): TextBlock {
  return createText(text, { size: "Medium", weight: "Bolder" });
}

export function createSectionTitle(text: string): TextBlock {
  return createText(text, { weight: "Bolder", spacing: "Medium" });
}

/** Markdown bullet list; Adaptive Card markdown separates list items with a carriage return. */
export function createBulletList(lines: string[]): TextBlock {
  return createText(lines.map((line) => `- ${line}`).join("\r"), { spacing: "Small" });
}

export function createFacts(facts: Array<[title: string, value: string]>): FactSet {
  return { type: "FactSet", facts: facts.map(([title, value]) => ({ title, value })) };
}

export function createContainer(items: CardElement[], style?: CardStyle): Container {
  return { type: "Container", ...(style ? { style } : {}), items };
}

export function createActionSet(actions: CardAction[]): ActionSet {
  return { type: "ActionSet", actions };
}

interface ExecuteOptions {
  title: string;
  verb: Verb;
  data: ActionData;
  style?: "positive" | "destructive";
  hasInputs: boolean;
}

/** An Action.Execute with an Action.Submit fallback for clients without Universal Actions.
 * The fallback repeats the verb inside its data because a plain submit carries none. */
export function createExecuteAction(options: ExecuteOptions): ExecuteAction {
  const associatedInputs = options.hasInputs ? "auto" : "none";
  const style = options.style ? { style: options.style } : {};
  return {
    type: "Action.Execute",
    title: options.title,
    verb: options.verb,
    data: options.data,
    associatedInputs,
    ...style,
    fallback: {
      type: "Action.Submit",
      title: options.title,
      data: { ...options.data, [SUBMIT_VERB_KEY]: options.verb },
      associatedInputs,
      ...style,
    },
  };
}

export function createOpenUrlAction(title: string, url: string): OpenUrlAction {
  return { type: "Action.OpenUrl", title, url };
}

export function createShowCardAction(title: string, body: CardElement[], actions: CardAction[]): ShowCardAction {
  return { type: "Action.ShowCard", title, card: { type: "AdaptiveCard", body, actions } };
}

/** Shows up to `limit` items and says how many more there are, so long lists stay readable. */
export function limitItems<T>(items: T[], limit: number): { shown: T[]; moreCount: number } {
  return { shown: items.slice(0, limit), moreCount: Math.max(0, items.length - limit) };
}
