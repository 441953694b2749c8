/** OpenAPI-driven fuzzing over HTTP: thousands of malformed requests to every operation and card verb.
 * None may answer 5xx (or a card-level 500), the server must stay up, and a stretch of requests that
 * were all refused must leave storage exactly as it was. */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { startApiHarness, type ApiHarness } from "../support/api-harness.js";
import { createActiveGoal } from "../support/progress-fixtures.js";
import { createManagerGoal } from "../support/progress-fixtures.js";
import { readTenantRows } from "../support/table-scan.js";
import { recordCounts } from "./support/counts.js";
import { buildFuzzRequests, type FuzzRequest } from "./support/fuzz-requests.js";

const PER_OPERATION = 55;
const PER_VERB = 120;
const CHUNK = 90;
const PARALLEL = 6;
const MAX_CHECK_IN_VALUE = 1e12;

const openapi = JSON.parse(readFileSync(new URL("../../functions/openapi.json", import.meta.url), "utf8"));
let api: ApiHarness;
let headers: { user: Record<string, string>; admin: Record<string, string> };
let targets: { goalId: string; keyResultId: string; personId: string; cycleId: string };

beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
  const parentId = await createManagerGoal(api, api.org);
  const goal = await createActiveGoal(api, api.org.alice, api.org.manager, { parentId });
  targets = { goalId: goal.id, keyResultId: goal.keyResults[0].id, personId: api.org.bob.id, cycleId: api.cycle.id };
  headers = {
    user: { authorization: `Bearer ${await api.tokenFor(api.org.alice)}` },
    admin: { authorization: `Bearer ${await api.tokenFor(api.org.outsider, { roles: ["Cascade.Admin"] })}` },
  };
});
afterAll(async () => api?.stop());

interface Result {
  request: FuzzRequest;
  status: number;
  text: string;
}

async function send(request: FuzzRequest, index: number): Promise<Result> {
  const auth = index % 3 === 0 ? headers.admin : headers.user;
  try {
    const res = await fetch(`${api.url}${request.path}`, { method: request.method, headers: { ...request.headers, ...auth }, body: request.body, signal: AbortSignal.timeout(30_000) });
    return { request, status: res.status, text: await res.text() };
  } catch (error) {
    return { request, status: 0, text: String(error) };
  }
}

function cardStatus(result: Result): number | null {
  if (!result.request.card || result.status !== 200) return null;
  try {
    return (JSON.parse(result.text) as { statusCode?: number }).statusCode ?? null;
  } catch {
    return null;
  }
}

/** Reads that write on success: a dashboard computed and kept, an export recorded in the admin log. */
const WRITING_READS = ["/api/dashboard", "/api/admin/export"];

/** An answer after which storage may have changed: an accepted write, a writing read, a card action done. */
function mayWrite(result: Result): boolean {
  if (result.request.card) return cardStatus(result) === 200 && result.request.card.verb !== "goal.refresh";
  if (result.status < 200 || result.status >= 300) return false;
  return result.request.method !== "GET" || WRITING_READS.some((path) => result.request.path.startsWith(path));
}

/** This deployment has no Graph credentials, so a sync request is answered 503 "not configured" by design. */
function isDesignedUnavailable(result: Result): boolean {
  return result.status === 503 && result.request.path.startsWith("/api/admin/sync") && result.text.includes("urn:cascade:problem:unavailable");
}

/** An accepted erasure runs in the background; storage is compared once it has finished. */
async function waitForErasure(results: Result[]): Promise<void> {
  if (!results.some((r) => r.request.operation === "POST /api/admin/erase" && r.status === 202)) return;
  for (let i = 0; i < 120; i++) {
    const status = await fetch(`${api.url}/api/admin/erase`, { headers: headers.admin });
    if (!((await status.json()) as { isRunning?: boolean }).isRunning) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function acceptsHugeCheckIn(result: Result): boolean {
  const card = result.request.card;
  if (!card || card.verb !== "checkin.submit" || cardStatus(result) !== 200) return false;
  const raw = card.data[`${targets.goalId}.kr.${targets.keyResultId}.current`];
  if (typeof raw !== "string" && typeof raw !== "number") return false;
  const value = Number(raw);
  return !Number.isFinite(value) || Math.abs(value) > MAX_CHECK_IN_VALUE;
}

async function snapshot(): Promise<Map<string, string>> {
  const rows = await readTenantRows(inject("azuriteConnectionString"), [api.tenantId]);
  return new Map(rows.map(({ table, entity }) => [`${table}|${String(entity.partitionKey)}|${String(entity.rowKey)}`, String(entity.etag)]));
}

describe("fuzzing every operation and card verb", () => {
  test("no 5xx, no crash, nothing written by refused requests", async () => {
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
    const requests = buildFuzzRequests(openapi, targets, PER_OPERATION, PER_VERB, seed);
    const findings: string[] = [];
    let serverErrors = 0;
    let crashes = 0;
    let writes = 0;
    let before = await snapshot();
    for (let start = 0; start < requests.length; start += CHUNK) {
      const chunk = requests.slice(start, start + CHUNK);
      const results: Result[] = [];
      for (let i = 0; i < chunk.length; i += PARALLEL) results.push(...(await Promise.all(chunk.slice(i, i + PARALLEL).map((r, j) => send(r, start + i + j)))));
      for (const result of results) {
        const where = `${result.request.operation} ${result.request.method} ${result.request.path.slice(0, 120)} body=${(result.request.body ?? "").slice(0, 160)}`;
        if (result.status === 0) {
          crashes++;
          findings.push(`NO ANSWER ${where}: ${result.text}`);
        } else if ((result.status >= 500 && !isDesignedUnavailable(result)) || (cardStatus(result) ?? 0) >= 500) {
          serverErrors++;
          findings.push(`${result.status}/${cardStatus(result)} ${where}: ${result.text.slice(0, 200)}`);
        }
        if (acceptsHugeCheckIn(result)) findings.push(`ACCEPTED OUT-OF-RANGE CHECK-IN ${where}`);
      }
      await waitForErasure(results);
      const after = await snapshot();
      if (!results.some(mayWrite)) {
        const changed = [...new Set([...before.keys(), ...after.keys()])].filter((key) => before.get(key) !== after.get(key));
        writes += changed.length;
        if (changed.length > 0) findings.push(`WRITTEN BY REFUSED REQUESTS ${changed.slice(0, 5).join("; ")} after ${results.map((r) => `${r.request.operation}→${r.status}`).join(", ")}`);
      }
      before = after;
    }
    const health = await fetch(`${api.url}/api/health`);
    if (health.status !== 200) crashes++;
    // The server runs in this process: a prototype key that reached an object merge would show here.
    for (const key of ["polluted", "isAdmin"]) if (key in Object.prototype) findings.push(`PROTOTYPE POLLUTED with ${key}`);
    recordCounts({ fuzzRequests: requests.length, fuzz5xx: serverErrors, fuzzWrites: writes, crashes });
    expect(findings, `seed ${seed} (rerun with FUZZ_SEED=${seed})`).toEqual([]);
    expect(requests.length).toBeGreaterThanOrEqual(3000);
  });
});
