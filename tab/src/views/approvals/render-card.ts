/** Renders Adaptive Card JSON with the `adaptivecards` library, which is loaded only when the
 * first card is shown, so it never weighs on the tab's first paint. */
import { CARD_HOST_CONFIG } from "./card-host-config.js";
import { renderCardMarkdown } from "./card-markdown.js";

type AdaptiveCards = typeof import("adaptivecards");

export interface CardCallbacks {
  /** Action.Execute, or the Action.Submit fallback that carries its verb in the data. */
  onExecute(verb: string, data: Record<string, unknown>): void;
  onOpenUrl(url: string): void;
  /** An Action.Submit that Teams turns into a chat message typed by the person (msteams imBack). */
  onSendText?(text: string): void;
}

function readImBack(data: Record<string, unknown>): string | null {
  const msteams = data.msteams as { type?: unknown; value?: unknown } | undefined;
  return msteams?.type === "imBack" && typeof msteams.value === "string" ? msteams.value : null;
}

let library: Promise<AdaptiveCards> | null = null;

function loadLibrary(): Promise<AdaptiveCards> {
  library ??= import("adaptivecards").then((cards) => {
    // A card's body is text to read, not a control: only its inputs and buttons are tab stops.
    cards.GlobalSettings.setTabIndexAtCardRoot = false;
    cards.AdaptiveCard.onProcessMarkdown = (text, result) => {
      result.outputHtml = renderCardMarkdown(text);
      result.didProcess = true;
    };
    return cards;
  });
  return library;
}

function readData(data: unknown): Record<string, unknown> {
  return typeof data === "object" && data !== null ? { ...(data as Record<string, unknown>) } : {};
}

export async function renderCard(json: unknown, callbacks: CardCallbacks): Promise<HTMLElement | undefined> {
  const cards = await loadLibrary();
  const card = new cards.AdaptiveCard();
  card.hostConfig = new cards.HostConfig(CARD_HOST_CONFIG);
  card.onExecuteAction = (action) => {
    if (action instanceof cards.ExecuteAction) callbacks.onExecute(action.verb, readData(action.data));
    else if (action instanceof cards.OpenUrlAction && action.url) callbacks.onOpenUrl(action.url);
    else if (action instanceof cards.SubmitAction) {
      const data = readData(action.data);
      const text = readImBack(data);
      if (typeof data.verb === "string") callbacks.onExecute(data.verb, data);
      else if (text !== null) callbacks.onSendText?.(text);
    }
  };
  card.parse(json);
  return card.render();
}
