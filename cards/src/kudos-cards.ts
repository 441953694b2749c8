/** Kudos: the manager is invited to thank someone who completed a goal, and the owner receives it. */
import type { AdaptiveCard, CardAction, CardElement } from "./card-json.js";
import { createCard, createContainer, createExecuteAction, createHeading, createOpenUrlAction, createText } from "./elements.js";
import type { GoalRef } from "./types.js";
import { VERBS } from "./verbs.js";

export const KUDOS_INPUT_ID = "kudosMessage";
export const KUDOS_MAX_LENGTH = 500;

export interface KudosInviteCardInput extends GoalRef {
  goalTitle: string;
  ownerName: string;
  goalUrl?: string | null;
}

export interface KudosCardInput {
  fromName: string;
  goalTitle: string;
  message: string;
  goalUrl?: string | null;
}

export function buildKudosInviteCard(input: KudosInviteCardInput): AdaptiveCard {
  const prompt = "Write a few words of thanks.";
  const body: CardElement[] = [
    createHeading(`${input.ownerName} completed a goal`),
    createText(input.goalTitle, { size: "Large", weight: "Bolder" }),
    createText(`Send ${input.ownerName} a note to say thanks?`),
    {
      type: "Input.Text",
      id: KUDOS_INPUT_ID,
      label: "Your message",
      placeholder: prompt,
      isMultiline: true,
      maxLength: KUDOS_MAX_LENGTH,
      isRequired: true,
      errorMessage: prompt,
    },
  ];
  const actions: CardAction[] = [
    createExecuteAction({
      title: "Send kudos",
      verb: VERBS.sendKudos,
      data: { goalId: input.goalId, version: input.version },
      style: "positive",
      hasInputs: true,
    }),
  ];
  if (input.goalUrl) actions.push(createOpenUrlAction("Open goal", input.goalUrl));
  return createCard(body, actions);
}

export type KudosParseResult = { ok: true; value: { goalId: string; message: string } } | { ok: false; errors: string[] };

export function parseKudosInputs(data: Record<string, unknown>): KudosParseResult {
  const goalId = typeof data.goalId === "string" ? data.goalId.trim() : "";
  const raw = data[KUDOS_INPUT_ID];
  const message = typeof raw === "string" ? raw.trim() : "";
  const errors: string[] = [];
  if (!goalId) errors.push("This card is missing the goal it belongs to.");
  if (!message) errors.push("Write a few words of thanks.");
  if (message.length > KUDOS_MAX_LENGTH) errors.push(`Keep the message under ${KUDOS_MAX_LENGTH} characters.`);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { goalId, message } };
}

export function buildKudosCard(input: KudosCardInput): AdaptiveCard {
  const body: CardElement[] = [
    createContainer([createHeading(`Kudos from ${input.fromName}`)], "good"),
    createText(`For completing: **${input.goalTitle}**`),
    createContainer([createText(input.message)], "emphasis"),
  ];
  const actions: CardAction[] = input.goalUrl ? [createOpenUrlAction("Open goal", input.goalUrl)] : [];
  return createCard(body, actions);
}
