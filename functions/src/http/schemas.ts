/** Input schemas shared by the route groups. Every body is parsed strictly: unknown fields are errors. */
import { z } from "zod";
import { AppError, type FieldError } from "../domain/errors.js";
import { isKnownCurrency, kindForLegacyNumber } from "../domain/key-results.js";

export const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, "Not a valid id.");
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2027-03-31.").refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "Not a real date.");

const title = z.string().trim().min(1, "Required.").max(200, "At most 200 characters.");
/** A key result's number: the one range every input path (API, cards) accepts. */
export const finiteQuantity = z.number().finite().min(-1e12).max(1e12);
const finite = finiteQuantity;

const KIND_ERROR = 'kind must be "increase", "decrease", "keep_above", "keep_below" or "milestone".';

const measuredFields = {
  id: idSchema.optional(),
  title,
  /** start is the baseline; for the keep kinds target is the threshold to hold. */
  start: finite,
  target: finite,
  current: finite.optional(),
  unitKind: z.enum(["text", "percent", "currency"], { error: 'unitKind must be "text", "percent" or "currency".' }).optional(),
  unit: z.string().trim().max(20, "At most 20 characters.").optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, "Use an ISO 4217 code such as EUR.").refine(isKnownCurrency, "Not a currency this app knows.").optional(),
};

const measuredKeyResult = z.strictObject({ ...measuredFields, kind: z.enum(["increase", "decrease", "keep_above", "keep_below"]) });

/** The earlier shape, still accepted so that existing clients keep working: it becomes an increase
 * or a decrease by the sign of target − start, as stored key results of that shape read too. */
const legacyNumberKeyResult = z
  .strictObject({ ...measuredFields, kind: z.literal("number") })
  .transform((kr) => ({ ...kr, kind: kindForLegacyNumber(kr.start, kr.target) }));

const milestoneKeyResult = z.strictObject({ id: idSchema.optional(), title, kind: z.literal("milestone"), done: z.boolean().optional() });

export const keyResultSchema = z.discriminatedUnion("kind", [measuredKeyResult, legacyNumberKeyResult, milestoneKeyResult], { error: KIND_ERROR });

const goalFields = {
  cycleId: idSchema,
  title,
  description: z.string().max(4000, "At most 4000 characters.").optional(),
  dueDate: isoDate.nullable().optional(),
  visibility: z.enum(["public", "private"]).optional(),
  parentId: idSchema.nullable().optional(),
  weight: z.number().finite().min(0, "Weight cannot be negative.").max(100, "At most 100.").optional(),
  keyResults: z.array(keyResultSchema).min(1, "Add at least one key result.").max(5, "At most 5 key results."),
  isTopLevel: z.boolean().optional(),
};

export const goalCreateSchema = z.strictObject(goalFields);
export const goalPatchSchema = z.strictObject(goalFields).partial();

/** Fields the server owns; naming them in a body is an error with its own message. */
export const SERVER_OWNED_FIELDS = ["id", "ownerId", "status", "tenantId", "progress", "smart", "approverId", "createdAt", "updatedAt", "etag", "flags", "approvedSnapshot", "lastCheckIn"];

export function rejectServerOwned(body: unknown): void {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return;
  const named = Object.keys(body).filter((k) => SERVER_OWNED_FIELDS.includes(k));
  if (named.length > 0) {
    throw new AppError("validation_failed", `These fields are set by the server and cannot be sent: ${named.join(", ")}.`, {
      errors: named.map((path) => ({ path, message: "Set by the server." })),
    });
  }
}

export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") return { path: [path, ...issue.keys].filter(Boolean).join("."), message: `Unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}.` };
    return { path: path || "(body)", message: issue.message };
  });
}

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  if (body === undefined) throw new AppError("bad_request", "A JSON body is required.");
  rejectServerOwned(body);
  const result = schema.safeParse(body);
  if (!result.success) throw new AppError("validation_failed", "Some fields are not valid.", { errors: toFieldErrors(result.error) });
  return result.data;
}

export function parseId(value: string | undefined, what: string): string {
  const result = idSchema.safeParse(value ?? "");
  if (!result.success) throw new AppError("validation_failed", `${what} is not a valid id.`, { errors: [{ path: what, message: "Not a valid id." }] });
  return result.data;
}

/** An optional id in the query string: null when the parameter is absent or empty. */
export function parseOptionalId(query: URLSearchParams, name: string): string | null {
  const value = query.get(name);
  return value ? parseId(value, name) : null;
}
