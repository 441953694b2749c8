/** Shows an Adaptive Card and runs its actions the way Teams does: the answer to an action replaces
 * the card, an error shows under it, and a card that lists the viewer in `refresh.userIds` asks
 * for that viewer's own version as soon as it appears. */
import { MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import type { AdaptiveCard } from "../../../../cards/src/card-json.js";
import type { CardActionInput, CardActionResponse } from "../../api/use-approvals.js";
import { useCardStyles } from "./AdaptiveCardView.styles.js";
import { describeError } from "../../i18n/describe-error.js";
import { renderCard } from "./render-card.js";
import { useTranslator } from "../../i18n/use-translator.js";

export interface AdaptiveCardViewProps {
  card: AdaptiveCard;
  label: string;
  onExecute: (action: CardActionInput) => Promise<CardActionResponse>;
  /** The viewer's Teams id: set it to refresh cards automatically, as Teams does in chat. */
  refreshAs?: string;
  /** Buttons that post a chat message (imBack) send it here; without it they do nothing, as outside chat. */
  onSendText?: (text: string) => void;
}

function readRefresh(card: AdaptiveCard, viewerId: string | undefined): CardActionInput | null {
  const { refresh } = card;
  if (!viewerId || !refresh?.userIds.includes(viewerId)) return null;
  return { verb: refresh.action.verb, data: refresh.action.data };
}

export function AdaptiveCardView({ card, label, onExecute, refreshAs, onSendText }: AdaptiveCardViewProps) {
  const styles = useCardStyles();
  const tr = useTranslator();
  const host = useRef<HTMLDivElement>(null);
  // Read at click time, so a new callback from the parent does not re-render the card and lose its inputs.
  const sendTextRef = useRef(onSendText);
  useEffect(() => {
    sendTextRef.current = onSendText;
  }, [onSendText]);
  const cardKey = JSON.stringify(card);
  // `source` is the card as sent, kept until a new version arrives; `card` is what is on screen now.
  const [shown, setShown] = useState({ sourceKey: cardKey, source: card, card });
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A new version of the message (the server updated it) replaces whatever an action left on screen.
  if (shown.sourceKey !== cardKey) setShown({ sourceKey: cardKey, source: card, card });
  const { source, card: current } = shown;

  const run = useCallback(
    async (action: CardActionInput) => {
      setIsBusy(true);
      setError(null);
      try {
        const response = await onExecute(action);
        if (response.statusCode === 200) setShown((previous) => ({ ...previous, card: response.value }));
        else setError(response.value.message);
      } catch (cause) {
        setError(describeError(cause, tr));
      } finally {
        setIsBusy(false);
      }
    },
    [onExecute, tr],
  );

  // Teams refreshes a message once when it is shown (and again when it changes), not after actions.
  useEffect(() => {
    const refresh = readRefresh(source, refreshAs);
    if (!refresh) return;
    const timer = setTimeout(() => void run(refresh), 0);
    return () => clearTimeout(timer);
  }, [source, refreshAs, run]);

  useEffect(() => {
    let isCurrent = true;
    const callbacks = {
      onExecute: (verb: string, data: Record<string, unknown>) => void run({ verb, data }),
      onOpenUrl: (url: string) => window.open(url, "_blank", "noopener,noreferrer"),
      onSendText: (text: string) => sendTextRef.current?.(text),
    };
    renderCard(current, callbacks)
      .then((element) => {
        if (!isCurrent || !host.current || !element) return;
        // The button pressed is replaced with the outcome: keep a keyboard user's place on the card.
        const hadFocus = host.current.contains(document.activeElement);
        host.current.replaceChildren(element);
        if (hadFocus) host.current.focus();
      })
      .catch(() => isCurrent && setError(tr.t("card.renderFailed")));
    return () => {
      isCurrent = false;
    };
  }, [current, run, tr]);

  return (
    <div className={styles.root} aria-busy={isBusy}>
      <div ref={host} className={styles.card} role="group" aria-label={label} tabIndex={-1} />
      {isBusy && (
        <div className={styles.busy}>
          <Spinner size="small" label={tr.t("card.sending")} />
        </div>
      )}
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
