/** Structured JSON logs that carry no tokens and no personal data. Every line passes through
 * `redact`: secrets and personal fields are replaced by name, token-like and e-mail-like text is
 * masked wherever it appears, and person ids become pseudonyms that stay stable within a process,
 * so one person's events can still be followed without naming them. */
import { createHmac, randomBytes } from "node:crypto";
import type { LogDetails, Logger, LogLevel } from "./domain/logger.js";

const SECRET_KEY = /token|authorization|secret|password|cookie|connectionstring|apikey|assertion|signature|credential/i;
const PERSONAL_KEYS = new Set(["displayname", "name", "givenname", "surname", "mail", "email", "userprincipalname", "upn", "jobtitle", "note", "comment", "text", "card", "activity", "body"]);
const PERSON_ID_KEYS = new Set(["personid", "userid", "managerid", "ownerid", "approverid", "actorid", "authorid", "fromid", "toid", "oid", "aadobjectid", "formermanagerid"]);

const TEXT_RULES: Array<[RegExp, string]> = [
  [/\beyJ[\w-]*\.[\w-]*\.[\w-]*/g, "[token]"],
  [/\b(Bearer|Basic)\s+[\w\-.~+/=]+/gi, "$1 [redacted]"],
  [/\b(AccountKey|SharedAccessSignature|SharedAccessKey|client_secret|sig|code)=[^;&\s"']+/gi, "$1=[redacted]"],
  [/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, "[email]"],
];

const MAX_DEPTH = 6;
const MAX_STRING = 4000;

export function scrubText(text: string): string {
  let result = text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…` : text;
  for (const [pattern, replacement] of TEXT_RULES) result = result.replace(pattern, replacement);
  return result;
}

export function createPseudonymizer(key: Uint8Array = randomBytes(32)): (id: string) => string {
  return (id) => `p_${createHmac("sha256", key).update(id).digest("base64url").slice(0, 12)}`;
}

function redactValue(key: string, value: unknown, pseudonymize: (id: string) => string, depth: number): unknown {
  const lower = key.toLowerCase();
  if (SECRET_KEY.test(lower) || PERSONAL_KEYS.has(lower)) return value === null || value === undefined ? value : "[redacted]";
  if (PERSON_ID_KEYS.has(lower) && typeof value === "string" && value !== "") return pseudonymize(value);
  if (PERSON_ID_KEYS.has(lower) && Array.isArray(value)) return value.map((v) => (typeof v === "string" ? pseudonymize(v) : "[redacted]"));
  return redactAny(value, pseudonymize, depth + 1);
}

function redactAny(value: unknown, pseudonymize: (id: string) => string, depth: number): unknown {
  if (typeof value === "string") return scrubText(value);
  if (value === null || typeof value !== "object") return value;
  if (depth > MAX_DEPTH) return "[truncated]";
  if (value instanceof Error) return { name: value.name, message: scrubText(value.message) };
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => redactAny(item, pseudonymize, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(k, v, pseudonymize, depth)]));
}

export function redactDetails(details: LogDetails, pseudonymize: (id: string) => string): LogDetails {
  return redactAny(details, pseudonymize, 0) as LogDetails;
}

export interface LogSink {
  out(line: string): void;
  err(line: string): void;
}

const CONSOLE_SINK: LogSink = { out: (line) => console.log(line), err: (line) => console.error(line) };
const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export function createLogger(minLevel: LogLevel, sink: LogSink = CONSOLE_SINK, pseudonymize = createPseudonymizer()): Logger {
  return (level, message, details = {}) => {
    if (ORDER[level] < ORDER[minLevel]) return;
    const { at: _at, level: _level, message: detail, ...rest } = redactDetails(details, pseudonymize);
    const line = JSON.stringify({ at: new Date().toISOString(), level, message: scrubText(message), ...(detail === undefined ? {} : { detail }), ...rest });
    if (level === "error") sink.err(line);
    else sink.out(line);
  };
}

const HOST_PSEUDONYMS = createPseudonymizer();

/** The same redaction for lines written through the Functions host's own logger. An error's `name`
 * is kept as `errorType`, since a bare `name` field is treated as a person's name. */
export function redactForHost(message: string, details: LogDetails = {}): [string, LogDetails] {
  const { name, ...rest } = details;
  return [scrubText(message), redactDetails(name === undefined ? rest : { errorType: name, ...rest }, HOST_PSEUDONYMS)];
}
