import { describe, expect, test } from "vitest";
import { createLogger, createPseudonymizer, redactForHost, scrubText, type LogSink } from "./logging.js";

const JWT = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImFiYyJ9.eyJvaWQiOiIxMjMiLCJuYW1lIjoiQWxpY2UifQ.c2lnbmF0dXJlLWJ5dGVz";
const PERSON_ID = "8d3c1f0e-5a4b-4c2d-9e8f-7a6b5c4d3e2f";

function captureLogger(minLevel: "info" | "warn" = "info") {
  const lines: string[] = [];
  const sink: LogSink = { out: (line) => lines.push(line), err: (line) => lines.push(line) };
  return { lines, log: createLogger(minLevel, sink, createPseudonymizer(new Uint8Array(32))) };
}

describe("logs carry no tokens", () => {
  test("JWTs, bearer headers and storage keys are masked wherever they appear", () => {
    expect(scrubText(`token ${JWT} end`)).toBe("token [token] end");
    expect(scrubText("Authorization: Bearer abc.def-ghi")).toBe("Authorization: Bearer [redacted]");
    expect(scrubText("DefaultEndpointsProtocol=https;AccountName=x;AccountKey=c2VjcmV0Cg==;")).toBe("DefaultEndpointsProtocol=https;AccountName=x;AccountKey=[redacted];");
    expect(scrubText("https://x.table.core.windows.net/t?sv=1&sig=abc%2Fdef&se=2")).toBe("https://x.table.core.windows.net/t?sv=1&sig=[redacted]&se=2");
  });

  test("secret-named fields are dropped however deep they are", () => {
    const { lines, log } = captureLogger();
    log("warn", "Sign-in failed", { request: { headers: { authorization: "Bearer x", cookie: "a=b" } }, clientSecret: "s3cret", accessToken: JWT });
    const entry = JSON.parse(lines[0]!);
    expect(entry.request.headers).toEqual({ authorization: "[redacted]", cookie: "[redacted]" });
    expect(entry.clientSecret).toBe("[redacted]");
    expect(entry.accessToken).toBe("[redacted]");
    expect(lines[0]).not.toContain("s3cret");
  });
});

describe("logs carry no personal data", () => {
  test("names, e-mail addresses and free text are removed", () => {
    const { lines, log } = captureLogger();
    log("info", "Kudos from ada.lovelace@contoso.example", { displayName: "Ada Lovelace", mail: "ada@contoso.example", note: "Feeling unwell this week", people: [{ name: "Grace Hopper" }] });
    const line = lines[0]!;
    for (const secret of ["Ada Lovelace", "ada@contoso.example", "lovelace", "unwell", "Grace Hopper"]) expect(line).not.toContain(secret);
    expect(JSON.parse(line).message).toBe("Kudos from [email]");
  });

  test("person ids become stable pseudonyms", () => {
    const { lines, log } = captureLogger();
    log("info", "Reminder sent", { personId: PERSON_ID });
    log("info", "Reminder sent", { personId: PERSON_ID, managerIds: undefined });
    log("info", "Digest", { approverId: [PERSON_ID] });
    const [first, second, third] = lines.map((l) => JSON.parse(l));
    expect(first.personId).toMatch(/^p_[\w-]{12}$/);
    expect(second.personId).toBe(first.personId);
    expect(third.approverId).toEqual([first.personId]);
    expect(lines.join("\n")).not.toContain(PERSON_ID);
  });

  test("errors keep their message, scrubbed, and a detail message does not replace the log message", () => {
    const { lines, log } = captureLogger();
    log("error", "Unhandled error", { message: `Request failed for ${JWT}`, error: new Error("mail bob@contoso.example bounced") });
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: "error", message: "Unhandled error", detail: "Request failed for [token]", error: { name: "Error", message: "mail [email] bounced" } });
  });
});

describe("log levels", () => {
  test("lines under the configured level are not written", () => {
    const { lines, log } = captureLogger("warn");
    log("info", "chatty");
    log("warn", "worth knowing");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "warn", message: "worth knowing" });
  });
});

describe("lines for the Functions host's logger", () => {
  test("are redacted the same way and keep the error type", () => {
    const [message, details] = redactForHost(`Unhandled error for ${JWT}`, { name: "RestError", message: "AccountKey=abc; failed", stack: "at x (mail bob@contoso.example)" });
    expect(message).toBe("Unhandled error for [token]");
    expect(details).toEqual({ errorType: "RestError", message: "AccountKey=[redacted]; failed", stack: "at x (mail [email])" });
  });
});
