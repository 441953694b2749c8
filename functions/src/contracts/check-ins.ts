/** Check-ins on the wire: the body that records one (from the tab or a card) and a check-in as read back. */
import { z } from "zod";
import { CONFIDENCES, finiteQuantity, idSchema, type Confidence } from "./common.js";
import { MAX_KEY_RESULTS, NOTE_MAX } from "./limits.js";

export const checkInSchema = z.strictObject({
  keyResults: z
    .array(z.union([z.strictObject({ id: idSchema, current: finiteQuantity }), z.strictObject({ id: idSchema, done: z.boolean() })], { error: "Each entry is {id, current} or {id, done}." }))
    .max(MAX_KEY_RESULTS, `At most ${MAX_KEY_RESULTS} key results.`)
    .optional(),
  confidence: z.enum(CONFIDENCES, { error: 'confidence must be "on_track", "at_risk" or "off_track".' }),
  note: z.string().max(NOTE_MAX, `At most ${NOTE_MAX} characters.`).optional(),
});

/** A key result's new value: a number for a measured one, done or not for a milestone. */
export interface CheckInValue {
  id: string;
  current?: number;
  done?: boolean;
}

export interface CheckIn {
  id: string;
  goalId: string;
  at: string;
  authorId: string;
  confidence: Confidence;
  note: string;
  values: CheckInValue[];
}
