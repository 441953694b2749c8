/** Kudos: the manager is invited to thank someone who completed a goal, and the owner receives it. */
import type { AdaptiveCard, CardElement } from "./card-json.js";
import { createCard, createContainer, createHeading, createText } from "./elements.js";
import { createGoalFormActions, createOpenGoalActions } from "./goal-actions.js";
import type { CardIntl } from "./i18n/card-intl.js";
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

export function buildKudosInviteCard(input: KudosInviteCardInput, intl: CardIntl): AdaptiveCard {
  const prompt = intl.t("kudos.prompt");
  const body: CardElement[] = [
    createHeading(intl.t("kudos.inviteHeading", { name: input.ownerName })),
    createText(input.goalTitle, { size: "Large", weight: "Bolder" }),
    createText(intl.t("kudos.inviteAsk", { name: input.ownerName })),
    {
      type: "Input.Text",
      id: KUDOS_INPUT_ID,
      label: intl.t("kudos.messageLabel"),
      placeholder: prompt,
      isMultiline: true,
      maxLength: KUDOS_MAX_LENGTH,
      isRequired: true,
      errorMessage: prompt,
    },
  ];
  return createCard(body, createGoalFormActions(input, { title: intl.t("kudos.send"), verb: VERBS.sendKudos }, intl));
}

export type KudosParseResult = { ok: true; value: { goalId: string; message: string } } | { ok: false; errors: string[] };

export function parseKudosInputs(data: Record<string, unknown>, intl: CardIntl): KudosParseResult {
  const goalId = typeof data.goalId === "string" ? data.goalId.trim() : "";
  const raw = data[KUDOS_INPUT_ID];
  const message = typeof raw === "string" ? raw.trim() : "";
  const errors: string[] = [];
  if (!goalId) errors.push(intl.t("bot.error.missingGoal"));
  if (!message) errors.push(intl.t("kudos.prompt"));
  if (message.length > KUDOS_MAX_LENGTH) errors.push(intl.t("kudos.error.length", { max: KUDOS_MAX_LENGTH }));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { goalId, message } };
}

export function buildKudosCard(input: KudosCardInput, intl: CardIntl): AdaptiveCard {
  const body: CardElement[] = [
    createContainer([createHeading(intl.t("kudos.heading", { name: input.fromName }))], "good"),
    createText(intl.t("kudos.for", { title: input.goalTitle })),
    createContainer([createText(input.message)], "emphasis"),
  ];
  return createCard(body, createOpenGoalActions(input.goalUrl, intl));
}
