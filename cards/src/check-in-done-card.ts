/** Replaces the reminder form once a check-in is saved, so the person sees what was recorded. */
import type { AdaptiveCard, CardAction, CardElement, CardStyle } from "./card-json.js";
import {
  createBulletList,
  createCard,
  createContainer,
  createFacts,
  createHeading,
  createOpenUrlAction,
  createSectionTitle,
  createText,
} from "./elements.js";
import { CONFIDENCE_LABELS, describeKeyResult, formatPercent } from "./format.js";
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

export function buildCheckInDoneCard(input: CheckInDoneCardInput): AdaptiveCard {
  const body: CardElement[] = [
    createContainer([createHeading("Check-in saved")], CONFIDENCE_STYLES[input.confidence]),
    createText(input.goalTitle, { size: "Large", weight: "Bolder" }),
    createFacts([
      ["How it is going", CONFIDENCE_LABELS[input.confidence]],
      ["Progress", formatPercent(input.progress)],
    ]),
  ];
  if (input.keyResults.length > 0) {
    body.push(createSectionTitle("Where things stand"), createBulletList(input.keyResults.map(describeKeyResult)));
  }
  if (input.note.trim()) body.push(createSectionTitle("Note"), createText(input.note.trim()));
  const actions: CardAction[] = input.goalUrl ? [createOpenUrlAction("Open goal", input.goalUrl)] : [];
  return createCard(body, actions);
}
