import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fillPlaceholders, listPlaceholders, PlaceholderError, readEnvFile } from "./placeholders.js";

const TEMPLATE = '{"id":"${{APP_ID}}","url":"https://${{ TAB_DOMAIN }}/x","again":"${{APP_ID}}"}';

function catchProblems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof PlaceholderError) return error.problems;
    throw error;
  }
  throw new Error("expected a PlaceholderError");
}

describe("placeholders", () => {
  it("lists each variable once", () => {
    expect(listPlaceholders(TEMPLATE)).toEqual(["APP_ID", "TAB_DOMAIN"]);
  });

  it("fills every occurrence and keeps the JSON valid when a value has quotes", () => {
    const filled = fillPlaceholders(TEMPLATE, { APP_ID: 'a"b', TAB_DOMAIN: "x.example.com" }, ".env.test");
    expect(JSON.parse(filled)).toEqual({ id: 'a"b', url: "https://x.example.com/x", again: 'a"b' });
  });

  it("names all missing and all empty variables in one go", () => {
    const problems = catchProblems(() => fillPlaceholders(TEMPLATE + "${{BOT_ID}}", { APP_ID: " ".trim() }, ".env.test"));
    expect(problems).toEqual([
      ".env.test does not set BOT_ID, TAB_DOMAIN: add BOT_ID=…, TAB_DOMAIN=…",
      ".env.test leaves APP_ID empty: give each a value",
    ]);
  });

  it("rejects a placeholder it cannot read", () => {
    const problems = catchProblems(() => fillPlaceholders('{"a":"${{TAB-DOMAIN}}"}', {}, ".env.test"));
    expect(problems[0]).toMatch(/malformed placeholder '\$\{\{TAB-DOMAIN\}\}'/);
  });

  it("reads env files with comments, quotes and surrounding spaces", () => {
    const file = join(mkdtempSync(join(tmpdir(), "cascade-env-")), ".env.test");
    writeFileSync(file, '# comment\nA=1\nB="two words"\nC=  spaced  \nEMPTY=\n');
    expect(readEnvFile(file)).toEqual({ A: "1", B: "two words", C: "spaced", EMPTY: "" });
  });

  it("says which env file is missing", () => {
    expect(catchProblems(() => readEnvFile("/nonexistent/.env.qa"))[0]).toBe(
      "/nonexistent/.env.qa not found: create it with the variables listed in appPackage/README.md",
    );
  });
});
