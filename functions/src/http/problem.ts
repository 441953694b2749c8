/** The one mapper from errors to application/problem+json. Unknown errors are logged and hidden. */
import type { HttpResponseInit } from "@azure/functions";
import { AppError, isAppError } from "../domain/errors.js";
import { describeError } from "../domain/logger.js";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

const TITLES: Record<string, string> = {
  bad_request: "Bad request",
  validation_failed: "Some fields are not valid",
  malformed_json: "The body is not valid JSON",
  unauthenticated: "Sign-in required",
  insufficient_scope: "Token not accepted here",
  forbidden: "Not allowed",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  conflict: "Conflict",
  invalid_transition: "Not possible in the goal's current state",
  smart_incomplete: "The goal is not ready yet",
  precondition_failed: "Changed by someone else",
  payload_too_large: "Request too large",
  unsupported_media_type: "Unsupported content type",
  precondition_required: "If-Match required",
  unavailable: "Temporarily unavailable",
  storage_unavailable: "Storage temporarily unavailable",
  internal: "Something went wrong",
};

export function problemResponse(error: AppError, instance?: string): HttpResponseInit {
  const body: Record<string, unknown> = {
    type: `urn:cascade:problem:${error.code}`,
    title: TITLES[error.code] ?? error.code,
    status: error.status,
    detail: error.message,
    code: error.code,
    ...(instance ? { instance } : {}),
    ...(error.details.errors ? { errors: error.details.errors } : {}),
    ...(error.details.extra ?? {}),
  };
  const headers: Record<string, string> = { "content-type": PROBLEM_CONTENT_TYPE, "cache-control": "no-store", "x-content-type-options": "nosniff" };
  if (error.status === 401) headers["www-authenticate"] = 'Bearer error="invalid_token"';
  if (error.details.retryAfterSeconds !== undefined) headers["retry-after"] = String(error.details.retryAfterSeconds);
  // RFC 6750: a valid token of the wrong kind; signing in again with the same client would not help.
  if (error.code === "insufficient_scope") headers["www-authenticate"] = 'Bearer error="insufficient_scope"';
  return { status: error.status, headers, body: JSON.stringify(body) };
}

export interface ErrorLogger {
  error(message: string, details?: Record<string, unknown>): void;
}

export function toProblem(error: unknown, logger: ErrorLogger, instance?: string): HttpResponseInit {
  if (isAppError(error)) return problemResponse(error, instance);
  const name = error instanceof Error ? error.name : typeof error;
  logger.error("Unhandled error", { name, message: describeError(error), stack: error instanceof Error ? error.stack : undefined });
  return problemResponse(new AppError("internal", "An unexpected error happened. Nothing was changed; try again."), instance);
}
