/** The import's bulk write path: an owner's goals share transactions of at most 100 operations, a
 * transaction that fails stops the run with every written goal complete, and the same file resumes. */
import type { TableClient, TransactionAction } from "@azure/data-tables";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { createImportGoalWriter } from "../../functions/src/store/import-goal-writes.js";
import { TABLE_NAMES, type TableFactory } from "../../functions/src/store/tables.js";
import { startApiHarness, type ApiHarness } from "../support/api-harness.js";
import { buildTemplateTable, CSV, TEMPLATE_HEADER, toCsv, type Table } from "../support/import-files.js";

let api: ApiHarness;
let admin: { authorization: string };

beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
  admin = { authorization: `Bearer ${await api.tokenFor(api.org.outsider, { roles: ["Cascade.Admin"] })}` };
});
afterAll(async () => api?.stop());

async function runToEnd(body: string): Promise<any> {
  const started = await api.request("POST", "/api/admin/imports", { headers: { ...admin, "content-type": CSV }, rawBody: body });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  for (let i = 0; i < 600; i++) {
    const status = await api.request("GET", `/api/admin/imports/${started.body.id}`, { headers: admin });
    if (status.body.status !== "running") return status.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("The import did not finish");
}

/** `count` active goals of one owner, each with a key result, none aligned. */
function goalsOf(prefix: string, mail: string, count: number): string {
  const table: Table = [TEMPLATE_HEADER];
  for (let i = 0; i < count; i++) {
    table.push([`${prefix}${i}`, "goal", `Batch goal ${prefix}${i}`, null, mail, api.cycle.name, null, "active", null, null, null, null, null, null]);
    table.push([`${prefix}${i}-k`, "key result", `Result of ${prefix}${i}`, null, null, null, `${prefix}${i}`, null, "increase", 0, 10, 5, null, null]);
  }
  return toCsv(table);
}

/** A writer over the real tables whose goal transactions are recorded, and fail when `fails` says so. */
function recordingWriter(fails: (n: number) => boolean) {
  const sizes: number[] = [];
  const real = api.services.tables;
  const wrap = (client: TableClient): TableClient =>
    new Proxy(client, {
      get(target, prop) {
        if (prop === "submitTransaction")
          return async (actions: TransactionAction[]) => {
            sizes.push(actions.length);
            if (fails(sizes.length)) throw new Error("storage went away");
            return target.submitTransaction(actions);
          };
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  const factory: TableFactory = { ...real, getClient: (name) => (name === TABLE_NAMES.goals ? wrap(real.getClient(name)) : real.getClient(name)) };
  return { writer: createImportGoalWriter(factory), sizes };
}

const activeIn = async (managerId: string, personId: string) => (await api.services.rollUps.store.readTeam(api.tenantId, managerId, api.cycle.id)).rollUps.get(personId)?.byStatus.active ?? 0;
const storedGoals = async (ownerId: string) => api.services.goalDeps.goals.listGoalsByOwner(api.tenantId, ownerId, {});

describe("writing an import in batches", () => {
  test("120 goals of one owner go in transactions of at most 100 operations, with audit entries, and the roll-ups count them", async () => {
    const imports = api.services.admin.imports;
    const real = imports.writer;
    const recording = recordingWriter(() => false);
    imports.writer = recording.writer;
    try {
      const result = await runToEnd(goalsOf("b", api.org.bob.mail!, 120));
      expect(result).toMatchObject({ status: "done", created: 240, updated: 0, failure: null });
    } finally {
      imports.writer = real;
    }
    // A goal and its audit entry are two operations: 50 goals fill a transaction.
    expect(recording.sizes).toEqual([100, 100, 40]);
    const goals = await storedGoals(api.org.bob.id);
    expect(goals).toHaveLength(120);
    const history = await api.services.goalDeps.goals.listAudit(api.tenantId, goals[119]!.value);
    expect(history.map((e) => e.action)).toEqual(["imported"]);
    expect(await activeIn(api.org.manager.id, api.org.bob.id)).toBe(120);
    expect(await activeIn(api.org.vp.id, api.org.manager.id)).toBeGreaterThanOrEqual(120);
  });

  test("a transaction that fails stops the run with what it wrote complete; the same file resumes without duplicates", async () => {
    const imports = api.services.admin.imports;
    const real = imports.writer;
    const recording = recordingWriter((n) => n === 2);
    imports.writer = recording.writer;
    const file = goalsOf("f", api.org.alice.mail!, 120);
    let written = 0;
    try {
      const failed = await runToEnd(file);
      expect(failed.status).toBe("failed");
      written = failed.created / 2;
      expect(written).toBeGreaterThan(0);
      expect(written).toBeLessThan(120);
      expect(failed.failure).toContain(`${written} of 120 goals were written, each complete; upload the same file again`);
    } finally {
      imports.writer = real;
    }
    const partial = await storedGoals(api.org.alice.id);
    expect(partial).toHaveLength(written);
    for (const goal of partial) expect((await api.services.goalDeps.goals.listAudit(api.tenantId, goal.value)).map((e) => e.action)).toEqual(["imported"]);
    // The goals written are in the roll-ups even though the run stopped.
    expect(await activeIn(api.org.manager.id, api.org.alice.id)).toBe(written);

    const resumed = await runToEnd(file);
    expect(resumed).toMatchObject({ status: "done", created: 240 - written * 2, skipped: written * 2, failure: null });
    expect(await storedGoals(api.org.alice.id)).toHaveLength(120);
    expect(await activeIn(api.org.manager.id, api.org.alice.id)).toBe(120);
  });

  test("a file planned a few owners at a time: the same preview, alignment across parts, and a failure in a later part counts every goal planned", async () => {
    const imports = api.services.admin.imports;
    const file = toCsv(buildTemplateTable(api.org, api.cycle.name, "p"));
    const preview = async () => (await api.request("POST", "/api/admin/imports?dryRun=true", { headers: { ...admin, "content-type": CSV }, rawBody: file })).body;
    const whole = await preview();
    const real = imports.writer;
    let calls = 0;
    // One owner's goals a part: the company goal, the team goal with its key results, then the draft.
    imports.partGoals = 1;
    try {
      expect(await preview()).toEqual(whole);
      expect(whole).toMatchObject({ goals: { create: 3, update: 0 }, keyResults: { create: 2, update: 0 }, errorCount: 0 });
      imports.writer = { writeGoals: (tenantId, writes, written) => (++calls === 2 ? Promise.reject(new Error("storage went away")) : real.writeGoals(tenantId, writes, written)) };
      const failed = await runToEnd(file);
      expect(failed).toMatchObject({ status: "failed", created: 1 });
      expect(failed.failure).toContain("1 of 3 goals were written, each complete");
      imports.writer = real;
      const resumed = await runToEnd(file);
      expect(resumed).toMatchObject({ status: "done", created: 4, updated: 0, skipped: 1, errorCount: 0 });
    } finally {
      imports.writer = real;
      delete imports.partGoals;
    }
    const [company] = (await storedGoals(api.org.ceo.id)).filter((g) => g.value.title === "Grow online revenue");
    const [team] = (await storedGoals(api.org.manager.id)).filter((g) => g.value.title === "Make checkout faster");
    expect(team!.value.parentId).toBe(company!.value.id);
    expect(team!.value.keyResults.map((kr) => kr.title)).toEqual(["Median checkout time", "New checkout live"]);
    const [draft] = (await storedGoals(api.org.alice.id)).filter((g) => g.value.title === "Write the checkout guide");
    expect(draft!.value.parentId).toBe(team!.value.id);
    const again = await runToEnd(file);
    expect(again).toMatchObject({ status: "done", created: 0, updated: 0, skipped: 5 });
  });
});
