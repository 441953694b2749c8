/** Bodies of the goal actions that the tab sends to the API and people send from cards: one schema
 * per action, used by the route and by the card action that mirrors it, so both accept the same
 * inputs within the same limits. */
import { z } from "zod";
import { COMMENT_MAX, KUDOS_MESSAGE_MAX } from "../domain/feedback.js";
import { finiteQuantity, idSchema } from "./schemas.js";

export const NOTE_MAX = 1000;

export const checkInSchema = z.strictObject({
  keyResults: z.array(z.union([z.strictObject({ id: idSchema, current: finiteQuantity }), z.strictObject({ id: idSchema, done: z.boolean() })], { error: "Each entry is {id, current} or {id, done}." })).max(5, "At most 5 key results.").optional(),
  confidence: z.enum(["on_track", "at_risk", "off_track"], { error: 'confidence must be "on_track", "at_risk" or "off_track".' }),
  note: z.string().max(NOTE_MAX, `At most ${NOTE_MAX} characters.`).optional(),
});

export const kudosSchema = z.strictObject({ message: z.string().trim().min(1, "Required.").max(KUDOS_MESSAGE_MAX, `At most ${KUDOS_MESSAGE_MAX} characters.`) });

export const commentSchema = z.strictObject({ text: z.string().trim().min(1, "Required.").max(COMMENT_MAX, `At most ${COMMENT_MAX} characters.`) });

export const decisionSchema = z.strictObject({
  decision: z.enum(["approve", "request_changes", "reject"]),
  comment: z.string().max(2000, "At most 2000 characters.").nullable().optional(),
});
