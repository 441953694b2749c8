/** Storage stalls: Azurite is paused with SIGSTOP for ten seconds under a steady load of reads and writes.
 * Callers get a quick 503 problem+json with Retry-After instead of a hanging request, service is whole
 * again soon after SIGCONT, and every write the API acknowledged is there afterwards. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startAzurite, type AzuriteHandle } from "../../functions/dev/azurite.js";
import { buildGoalBody, startApiHarness, type ApiHarness } from "../support/api-harness.js";
import { recordCounts } from "./support/counts.js";

const PAUSE_MS = 10_000;
const ANSWER_WITHIN_MS = 5_000;

let azurite: AzuriteHandle;
let api: ApiHarness;
let token: string;

beforeAll(async () => {
  azurite = await startAzurite();
  api = await startApiHarness(azurite.connectionString);
  token = await api.tokenFor(api.org.alice);
});
afterAll(async () => {
  if (azurite) process.kill(azurite.pid, "SIGCONT");
  await api?.stop();
  await azurite?.stop();
});

interface Outcome {
  status: number;
  ms: number;
  retryAfter: string | null;
  type: string;
  body: any;
}

async function call(method: string, path: string, body?: unknown): Promise<Outcome> {
  const started = Date.now();
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  try {
    const response = await fetch(`${api.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(20_000) });
    const text = await response.text();
    const type = response.headers.get("content-type") ?? "";
    return { status: response.status, ms: Date.now() - started, retryAfter: response.headers.get("retry-after"), type, body: type.includes("json") && text ? JSON.parse(text) : text };
  } catch {
    return { status: 0, ms: Date.now() - started, retryAfter: null, type: "", body: null };
  }
}

/** One round of the load: create a goal, read the list. Returns the id of an acknowledged create. */
async function loadRound(outcomes: Outcome[], acknowledged: string[], round: number): Promise<void> {
  const [created, listed] = await Promise.all([call("POST", "/api/goals", buildGoalBody({ title: `Outage round ${round} goal` })), call("GET", `/api/goals?owner=${api.org.alice.id}`)]);
  outcomes.push(created, listed);
  if (created.status === 201) acknowledged.push(created.body.id);
}

describe("Azurite paused with SIGSTOP for ten seconds", () => {
  test("requests answer 503 with Retry-After within 5 s, service returns within 5 s of SIGCONT, nothing acknowledged is lost", async () => {
    const acknowledged: string[] = [];
    const before: Outcome[] = [];
    for (let round = 0; round < 3; round++) await loadRound(before, acknowledged, round);
    expect(before.every((o) => o.status === 200 || o.status === 201)).toBe(true);

    process.kill(azurite.pid, "SIGSTOP");
    const paused = Date.now();
    const during: Outcome[] = [];
    let round = 100;
    const stream = async () => {
      while (Date.now() - paused < PAUSE_MS) await loadRound(during, acknowledged, round++);
    };
    await Promise.all([stream(), stream(), stream()]);
    process.kill(azurite.pid, "SIGCONT");
    const resumed = Date.now();

    for (const outcome of during) {
      expect(outcome.ms, "answered without hanging").toBeLessThan(ANSWER_WITHIN_MS);
      if (outcome.status === 200 || outcome.status === 201) continue;
      expect(outcome.status).toBe(503);
      expect(outcome.type).toContain("application/problem+json");
      expect(outcome.body.code).toBe("storage_unavailable");
      expect(Number(outcome.retryAfter)).toBeGreaterThan(0);
    }
    const unavailable = during.filter((o) => o.status === 503).length;
    expect(unavailable).toBeGreaterThan(0);

    let recoveredAt = 0;
    while (!recoveredAt && Date.now() - resumed < 3 * ANSWER_WITHIN_MS) {
      const probe: Outcome[] = [];
      await loadRound(probe, acknowledged, round++);
      if (probe.every((o) => o.status === 200 || o.status === 201)) recoveredAt = Date.now();
    }
    expect(recoveredAt - resumed, "full service again after SIGCONT").toBeLessThan(ANSWER_WITHIN_MS);
    const after: Outcome[] = [];
    for (let extra = 0; extra < 3; extra++) await loadRound(after, acknowledged, round++);
    expect(after.map((o) => o.status).every((s) => s === 200 || s === 201)).toBe(true);

    const listed = await call("GET", `/api/goals?owner=${api.org.alice.id}`);
    const present = new Set(listed.body.items.map((g: { id: string }) => g.id));
    for (const id of acknowledged) expect((await call("GET", `/api/goals/${id}`)).status, `acknowledged goal ${id}`).toBe(200);
    const lost = acknowledged.filter((id) => !present.has(id));
    expect(lost).toEqual([]);
    recordCounts({ outageRequests: during.length, outage503: unavailable, outageSlowestMs: Math.max(...during.map((o) => o.ms)), outageLostWrites: lost.length });
  });
});
