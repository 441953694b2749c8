/** A short info, success, warning or error message, e.g. the reply to a failed card action. */
import type { AdaptiveCard, CardAction, CardElement, CardStyle } from "./card-json.js";
import { createBulletList, createCard, createContainer, createOpenUrlAction, createText } from "./elements.js";
import type { Link } from "./types.js";

export type MessageTone = "info" | "success" | "warning" | "error";

export interface MessageCardInput {
  tone: MessageTone;
  title?: string | null;
  text: string;
  /** Extra lines, e.g. one per invalid input. */
  details?: string[];
  link?: Link | null;
}

const TONE_STYLES: Record<MessageTone, CardStyle> = {
  info: "emphasis",
  success: "good",
  warning: "warning",
  error: "attention",
};

export function buildMessageCard(input: MessageCardInput): AdaptiveCard {
  const items: CardElement[] = [];
  if (input.title) items.push(createText(input.title, { weight: "Bolder", size: "Medium" }));
  items.push(createText(input.text));
  if (input.details && input.details.length > 0) items.push(createBulletList(input.details));
  const actions: CardAction[] = input.link ? [createOpenUrlAction(input.link.title, input.link.url)] : [];
  return createCard([createContainer(items, TONE_STYLES[input.tone])], actions);
}
