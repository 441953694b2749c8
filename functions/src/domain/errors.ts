/** The one error type of the app. Codes are stable and become the problem+json `code`/`type`. */

export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "malformed_json"
  | "unauthenticated"
  | "insufficient_scope"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "invalid_transition"
  | "smart_incomplete"
  | "precondition_failed"
  | "precondition_required"
  | "payload_too_large"
  | "unsupported_media_type"
  | "method_not_allowed"
  | "unavailable"
  | "storage_unavailable"
  | "internal";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  malformed_json: 400,
  unauthenticated: 401,
  insufficient_scope: 403,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  invalid_transition: 409,
  smart_incomplete: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  precondition_required: 428,
  unavailable: 503,
  storage_unavailable: 503,
  internal: 500,
};

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { errors?: FieldError[]; extra?: Record<string, unknown>; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.status = STATUS[code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Errors a goal write answers with when it wrote nothing: the store refused it before or in its one
 * transaction (a stale or missing version, an id taken, a row too large). */
const NOT_WRITTEN = new Set<ErrorCode>(["precondition_failed", "conflict", "validation_failed", "payload_too_large"]);
export const isNotWritten = (error: unknown): boolean => isAppError(error) && NOT_WRITTEN.has(error.code);

export const notFound = (what: string) => new AppError("not_found", `${what} was not found.`);
export const forbidden = (why: string) => new AppError("forbidden", why);
