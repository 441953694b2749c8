/** Key results on the wire: the schema a body is parsed with, on top of the kinds and rules in
 * key-result-rules.ts. */
import { z } from "zod";
import { finiteQuantity, idSchema } from "./common.js";
import { isKnownCurrency, kindForLegacyNumber, MEASURED_KINDS, UNIT_KINDS } from "./key-result-rules.js";
import { TITLE_MAX, UNIT_MAX } from "./limits.js";

export * from "./key-result-rules.js";

export const titleSchema = z.string().trim().min(1, "Required.").max(TITLE_MAX, `At most ${TITLE_MAX} characters.`);

const KIND_ERROR = 'kind must be "increase", "decrease", "keep_above", "keep_below" or "milestone".';

const measuredFields = {
  id: idSchema.optional(),
  title: titleSchema,
  /** start is the baseline; for the keep kinds target is the threshold to hold. */
  start: finiteQuantity,
  target: finiteQuantity,
  current: finiteQuantity.optional(),
  unitKind: z.enum(UNIT_KINDS, { error: 'unitKind must be "text", "percent" or "currency".' }).optional(),
  unit: z.string().trim().max(UNIT_MAX, `At most ${UNIT_MAX} characters.`).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, "Use an ISO 4217 code such as EUR.").refine(isKnownCurrency, "Not a currency this app knows.").optional(),
};

const measuredKeyResult = z.strictObject({ ...measuredFields, kind: z.enum(MEASURED_KINDS) });

/** The earlier shape, still accepted so that existing clients keep working: it becomes an increase
 * or a decrease by the sign of target − start, as stored key results of that shape read too. */
const legacyNumberKeyResult = z
  .strictObject({ ...measuredFields, kind: z.literal("number") })
  .transform((kr) => ({ ...kr, kind: kindForLegacyNumber(kr.start, kr.target) }));

const milestoneKeyResult = z.strictObject({ id: idSchema.optional(), title: titleSchema, kind: z.literal("milestone"), done: z.boolean().optional() });

export const keyResultSchema = z.discriminatedUnion("kind", [measuredKeyResult, legacyNumberKeyResult, milestoneKeyResult], { error: KIND_ERROR });

/** A key result as written: the server assigns ids to new ones and keeps the ids it is given. The
 * earlier `number` kind arrives already mapped. */
export type KeyResultInput = z.output<typeof keyResultSchema>;
export type MeasuredKeyResultInput = Exclude<KeyResultInput, { kind: "milestone" }>;
