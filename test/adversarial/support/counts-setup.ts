/** Collects the counts each adversarial test file records and prints them as one JSON line when the run
 * ends, so CI logs show what was tried and what got through. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    adversarialCountsDir: string;
  }
}

/** The order of the printed line; counts not listed here follow in name order. */
const ORDER = [
  "tokenAttacks",
  "tokenAttacksRefused",
  "authzCases",
  "authzUnexpected",
  "authzLeaks",
  "fuzzRequests",
  "fuzz5xx",
  "fuzzWrites",
  "crashes",
  "concurrentWriters",
  "acknowledgedWrites",
  "lostWrites",
];

let dir: string | undefined;
let started = 0;

export function setup(project: TestProject): void {
  dir = mkdtempSync(join(tmpdir(), "cascade-adversarial-"));
  started = Date.now();
  project.provide("adversarialCountsDir", dir);
}

export function sumCounts(files: Array<Record<string, number>>): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const counts of files) for (const [name, value] of Object.entries(counts)) totals[name] = (totals[name] ?? 0) + value;
  const names = [...ORDER.filter((name) => name in totals), ...Object.keys(totals).filter((name) => !ORDER.includes(name)).sort()];
  return Object.fromEntries(names.map((name) => [name, totals[name]!]));
}

export function teardown(): void {
  if (!dir) return;
  const files = readdirSync(dir).filter((name) => name.endsWith(".json"));
  const totals = sumCounts(files.map((name) => JSON.parse(readFileSync(join(dir!, name), "utf8")) as Record<string, number>));
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify({ suite: "adversarial", ...totals, seconds: Math.round((Date.now() - started) / 1000) })}\n`);
}
