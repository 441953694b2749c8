/** Card actions read their inputs through the API's own schemas: a card turns its form into the body
 * of the route it mirrors, and that body is parsed exactly as the route parses it, so a card accepts
 * nothing the tab could not send. Refusals become the card error a person sees under the card. */
import type { z } from "zod";
import type { CardIntl } from "../../../cards/src/index.js";
import { AppError, isAppError } from "../domain/errors.js";
import { idSchema, parseBody } from "../http/schemas.js";

export function parseCardBody<T>(schema: z.ZodType<T>, body: unknown): T {
  try {
    return parseBody(schema, body);
  } catch (error) {
    if (isAppError(error) && error.details.errors) throw new AppError("validation_failed", error.details.errors.map((e) => `${e.path}: ${e.message}`).join(" "), error.details);
    throw error;
  }
}

/** The goal a card belongs to, as the API's routes read a goal id. */
export function parseCardGoalId(data: Record<string, unknown>, intl: CardIntl): string {
  const value = typeof data.goalId === "string" ? data.goalId.trim() : "";
  if (!value) throw new AppError("validation_failed", intl.t("bot.error.missingGoal"));
  if (!idSchema.safeParse(value).success) throw new AppError("validation_failed", intl.t("bot.error.invalidGoal"));
  return value;
}
