/** The API in its own process is killed with SIGKILL in the middle of a storm of goal writes, then
 * started again. Afterwards goals and every index agree (the checker reads storage directly), and every
 * write the API acknowledged is there. */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { findFreePort } from "../../functions/dev/free-port.js";
import { stopChild } from "../../functions/dev/stop-child.js";
import { loadConfig } from "../../functions/src/config.js";
import { createServices, type Services } from "../../functions/src/composition/services.js";
import { DEFAULT_TAB_DIR } from "../../functions/dev/start-cascade.js";
import { buildCycle, buildGoalBody } from "../support/api-harness.js";
import { buildSmallOrg } from "../support/org-builder.js";
import { startTestIssuer, type TestIssuer } from "../support/test-issuer.js";
import { checkConsistency } from "./support/consistency.js";
import { recordCounts } from "./support/counts.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WORKERS = 10;
const STORM_MS = 5_000;
const REPAIR_WITHIN_MS = 30_000;

const tenantId = randomUUID();
const org = buildSmallOrg();
let issuer: TestIssuer;
let services: Services;
let env: Record<string, string>;
let child: ChildProcess | undefined;
/** What the API processes logged about repairs, warnings and errors: why a repair failed, when one does. */
let apiLog = "";
const apiNotes = () => apiLog.split("\n").filter((line) => /"level":"(warn|error)"|epair/.test(line)).join("\n").slice(-4000);

/** Starts the local host in a process of its own and resolves with its address once it listens. */
async function startApi(): Promise<string> {
  const port = await findFreePort();
  const started = spawn(process.execPath, ["--import", "tsx", "functions/dev/start.ts"], { cwd: ROOT, env: { PATH: process.env.PATH, ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  child = started;
  let output = "";
  started.stdout!.on("data", (chunk: Buffer) => (apiLog += chunk.toString()));
  return new Promise((resolve, reject) => {
    started.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const url = /running at (http:\/\/\S+?)\/?\s/.exec(output)?.[1];
      if (url) resolve(url);
    });
    started.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    started.once("exit", (code, signal) => reject(new Error(`the API exited (${code ?? signal}) before listening:\n${output}`)));
  });
}

beforeAll(async () => {
  issuer = await startTestIssuer();
  env = {
    AUTH_MODE: "entra",
    AAD_APP_CLIENT_ID: issuer.clientId,
    ALLOWED_TENANT_IDS: tenantId,
    ENTRA_JWKS_URL: issuer.jwksUrl,
    ENTRA_AUTHORITY_HOST: issuer.authorityHost,
    STORAGE_CONNECTION_STRING: inject("azuriteConnectionString"),
    LOG_LEVEL: "info",
  };
  services = await createServices(loadConfig(env), { tabDir: DEFAULT_TAB_DIR });
  await services.directory.upsertPeople(tenantId, org.all);
  await services.goalDeps.cycles.saveCycle(buildCycle(tenantId));
}, 120_000);
afterAll(async () => {
  if (child) await stopChild(child, "SIGTERM");
  await issuer?.close();
});

type Person = (typeof org)["alice"];

interface Acknowledged {
  /** Goals whose creation was acknowledged and that no one tried to delete. */
  kept: Map<string, { title: string | null }>;
  writes: number;
}

function createClient(baseUrl: string) {
  const tokens = new Map<string, Promise<string>>();
  const tokenOf = (person: Person) => tokens.get(person.id) ?? tokens.set(person.id, issuer.mint({ tid: tenantId, oid: person.id, name: person.displayName })).get(person.id)!;
  return async (person: Person, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${await tokenOf(person)}`, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await res.text();
    return { status: res.status, etag: res.headers.get("etag"), body: text ? (JSON.parse(text) as any) : null };
  };
}

/** One worker's loop: create a goal aligned to one of two parents, retitle it and move it to the other
 * parent, submit, approve, check in; every third goal is deleted as a draft instead. */
async function storm(call: ReturnType<typeof createClient>, parents: string[], acked: Acknowledged, worker: number, isRunning: () => boolean): Promise<void> {
  for (let round = 0; isRunning(); round++) {
    const owner = worker % 2 === 0 ? org.alice : org.bob;
    const created = await call(owner, "POST", "/api/goals", buildGoalBody({ title: `Storm ${worker}.${round}`, parentId: parents[round % 2] }));
    if (created.status !== 201) continue;
    acked.writes++;
    const id = created.body.id as string;
    if (round % 3 === 2) {
      acked.kept.delete(id);
      const deleted = await call(owner, "DELETE", `/api/goals/${id}`, undefined, { "if-match": created.etag! });
      if (deleted.status === 204) acked.writes++;
      continue;
    }
    acked.kept.set(id, { title: `Storm ${worker}.${round}` });
    const title = `Storm ${worker}.${round} retitled`;
    acked.kept.set(id, { title: null });
    const patched = await call(owner, "PATCH", `/api/goals/${id}`, { title, parentId: parents[(round + 1) % 2] }, { "if-match": created.etag! });
    if (patched.status !== 200) continue;
    acked.writes++;
    acked.kept.set(id, { title });
    if ((await call(owner, "POST", `/api/goals/${id}/submit`)).status !== 200) continue;
    acked.writes++;
    const approved = await call(org.manager, "POST", `/api/goals/${id}/decision`, { decision: "approve" });
    if (approved.status !== 200) continue;
    acked.writes++;
    const checkIn = await call(owner, "POST", `/api/goals/${id}/checkins`, { keyResults: [{ id: approved.body.keyResults[0].id, current: 60 }], confidence: "on_track" });
    if (checkIn.status === 201) acked.writes++;
  }
}

describe("SIGKILL during a write storm", () => {
  test("after a restart, goals and every index agree and no acknowledged write is lost", async () => {
    let url = await startApi();
    let call = createClient(url);
    const top = await call(org.ceo, "POST", "/api/goals", buildGoalBody({ title: "Grow online revenue", isTopLevel: true }));
    expect((await call(org.ceo, "POST", `/api/goals/${top.body.id}/submit`)).status).toBe(200);
    const parents: string[] = [];
    for (const title of ["Make checkout faster", "Make search better"]) {
      const goal = await call(org.manager, "POST", "/api/goals", buildGoalBody({ title, parentId: top.body.id }));
      await call(org.manager, "POST", `/api/goals/${goal.body.id}/submit`);
      expect((await call(org.vp, "POST", `/api/goals/${goal.body.id}/decision`, { decision: "approve" })).status).toBe(200);
      parents.push(goal.body.id);
    }

    const acked: Acknowledged = { kept: new Map(), writes: 0 };
    let running = true;
    const workers = Array.from({ length: WORKERS }, (_, worker) => storm(call, parents, acked, worker, () => running).catch((error: unknown) => { if (running) console.error("storm worker stopped", error); }));
    await new Promise((resolve) => setTimeout(resolve, STORM_MS));
    child!.kill("SIGKILL");
    running = false;
    await Promise.all(workers);
    expect(acked.writes, "the storm wrote before the kill").toBeGreaterThan(10);
    // What the kill left behind, before anything repairs it (usually some index rows behind their goals).
    const leftBehind = (await checkConsistency(inject("azuriteConnectionString"), tenantId, services.directory)).length;

    url = await startApi();
    call = createClient(url);
    const started = Date.now();
    let problems = await checkConsistency(inject("azuriteConnectionString"), tenantId, services.directory);
    while (problems.length > 0 && Date.now() - started < REPAIR_WITHIN_MS) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      problems = await checkConsistency(inject("azuriteConnectionString"), tenantId, services.directory);
    }
    const repairMs = Date.now() - started;
    expect(problems, apiNotes()).toEqual([]);

    let lost = 0;
    for (const [id, { title }] of acked.kept) {
      const read = await call(org.manager, "GET", `/api/goals/${id}`);
      if (read.status !== 200 || (title !== null && read.body.title !== title)) lost++;
    }
    expect(lost).toBe(0);
    recordCounts({ crashWritesAcknowledged: acked.writes, crashInconsistenciesLeftByKill: leftBehind, crashInconsistenciesAfterRestart: problems.length, crashLostWrites: lost, crashRepairMs: repairMs });
  });
});
