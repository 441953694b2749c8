/** The log port: how the domain, the bot and the jobs report what happened. logging.ts implements it
 * (structured, redacted JSON); tests pass a function that records the lines. */
export type LogDetails = Record<string, unknown>;

export type LogLevel = "debug" | "info" | "warn" | "error";

export type Logger = (level: LogLevel, message: string, details?: LogDetails) => void;

/** An error as the log shows it. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
