/** Parsing a request with the contract's schemas. Every body is parsed strictly: unknown fields are errors. */
import { z } from "zod";
import { idSchema, SERVER_OWNED_FIELDS } from "../contracts/index.js";
import { AppError, type FieldError } from "../domain/errors.js";

/** The schemas themselves are the API contract's; routes import them from here or from the contract. */
export { finiteQuantity, goalCreateSchema, goalPatchSchema, idSchema, isoDate, keyResultSchema, SERVER_OWNED_FIELDS } from "../contracts/index.js";

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
