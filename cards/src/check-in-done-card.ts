/** Replaces the reminder form once a check-in is saved, so the person sees what was recorded. */
import type { AdaptiveCard, CardElement, CardStyle } from "./card-json.js";
import {
  createBulletList,
  createCard,
  createContainer,
  createFacts,
  createHeading,
  createSectionTitle,
  createText,
} from "./elements.js";
import { describeKeyResult, formatConfidence } from "./format.js";
import { createOpenGoalActions } from "./goal-actions.js";
import type { CardIntl } from "./i18n/card-intl.js";
import type { Confidence, KeyResultView } from "./types.js";

export interface CheckInDoneCardInput {
  goalTitle: string;
  confidence: Confidence;
  note: string;
  /** The key results after the check-in. */
  keyResults: KeyResultView[];
  /** 0–1, after the check-in. */
  progress: number;
  goalUrl?: string | null;
}

const CONFIDENCE_STYLES: Record<Confidence, CardStyle> = {
  on_track: "good",
  at_risk: "warning",
  off_track: "attention",
};

export function buildCheckInDoneCard(input: CheckInDoneCardInput, intl: CardIntl): AdaptiveCard {
  const body: CardElement[] = [
    createContainer([createHeading(intl.t("checkInDone.heading"))], CONFIDENCE_STYLES[input.confidence]),
    createText(input.goalTitle, { size: "Large", weight: "Bolder" }),
    createFacts([
      [intl.t("checkInDone.confidence"), formatConfidence(intl, input.confidence)],
      [intl.t("checkInDone.progress"), intl.formatPercent(input.progress)],
    ]),
  ];
  if (input.keyResults.length > 0) {
    const lines = input.keyResults.map((keyResult) => describeKeyResult(intl, keyResult));
    body.push(createSectionTitle(intl.t("checkInDone.whereThingsStand")), createBulletList(lines));
  }
  if (input.note.trim()) body.push(createSectionTitle(intl.t("checkInDone.note")), createText(input.note.trim()));
  return createCard(body, createOpenGoalActions(input.goalUrl, intl));
}
