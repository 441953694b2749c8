/** Routes the Teams SDK's log lines into Cascade's structured log, keeping warnings and errors only:
 * the SDK's debug output would repeat whole activities, which carry people's messages. */
import type { AppOptions, IPlugin } from "@microsoft/teams.apps";
import type { Logger } from "../domain/logger.js";

type SdkLogger = NonNullable<AppOptions<IPlugin>["logger"]>;

function describe(parts: unknown[]): string {
  return parts
    .map((part) => {
      if (part instanceof Error) return part.message;
      if (typeof part === "string") return part;
      try {
        return JSON.stringify(part);
      } catch {
        return String(part);
      }
    })
    .join(" ")
    .slice(0, 2000);
}

/** The SDK's advice for a bot without credentials is to switch token checks off; Cascade logs its
 * own line about a missing BOT_ID instead. */
const UNWANTED_ADVICE = /dangerouslyAllowUnauthenticatedRequests/;
/** A refused token is the endpoint doing its job (scanners probe it all day), not a fault. */
const REJECTED_TOKEN = /\b(JWT|jwt|token)\b/;

export function createSdkLogger(log: Logger, name = "teams-sdk"): SdkLogger {
  const ignore = () => undefined;
  const logWarning = (parts: unknown[]) => {
    const message = describe(parts);
    if (!UNWANTED_ADVICE.test(message)) log("warn", message, { source: name });
  };
  const logError = (parts: unknown[]) => {
    const message = describe(parts);
    const isRejectedToken = name.endsWith("jwt-validator") || REJECTED_TOKEN.test(message);
    log(isRejectedToken ? "warn" : "error", message, { source: name });
  };
  const logger: SdkLogger = {
    debug: ignore,
    trace: ignore,
    info: ignore,
    warn: (...parts: unknown[]) => logWarning(parts),
    error: (...parts: unknown[]) => logError(parts),
    log: (level, ...parts: unknown[]) => {
      if (level === "error") logError(parts);
      else if (level === "warn") logWarning(parts);
    },
    child: (child: string) => createSdkLogger(log, `${name}/${child}`),
  };
  return logger;
}
