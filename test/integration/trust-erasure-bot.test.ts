/** An erased person reaches nothing through Teams either: their card actions are refused and their
 * installs and messages record nothing. */
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import type { Person } from "../../functions/src/domain/types.js";
import { buildGoalBody } from "../support/api-harness.js";
import { buildActivity, buildInstall, buildInvoke, startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { buildPerson } from "../support/org-builder.js";
import { readTenantRows } from "../support/table-scan.js";

let h: BotHarness;
let erased: Person;
let goalId: string;

beforeAll(async () => {
  h = await startBotHarness(inject("azuriteConnectionString"));
  erased = buildPerson({ displayName: "Erin Erased", managerId: h.org.manager.id });
  await h.services.directory.upsertPeople(h.tenantId, [erased]);
  const goal = await h.request("POST", "/api/goals", { as: h.org.alice, body: buildGoalBody({ title: "A goal others thank" }) });
  goalId = goal.body.id;
  // Used once before the erasure, so this instance has the person cached as not erased.
  expect((await h.postActivity(buildInvoke(h, erased, "goal.refresh", { goalId, version: "x" }))).body.statusCode).toBe(200);
  const started = await h.request("POST", "/api/admin/erase", { as: h.org.outsider, roles: ["Cascade.Admin"], body: { personId: erased.id } });
  expect(started.status).toBe(202);
  for (let i = 0; i < 100; i++) {
    const status = await h.request("GET", "/api/admin/erase", { as: h.org.outsider, roles: ["Cascade.Admin"] });
    if (!status.body.isRunning) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});
afterAll(async () => h?.stop());

test("card actions, installs and messages from an erased person are refused and leave no trace", async () => {
  for (const [verb, data] of [
    ["goal.refresh", { goalId, version: "x" }],
    ["kudos.send", { goalId, version: "x", kudosMessage: "Thanks!" }],
  ] as const) {
    const res = await h.postActivity(buildInvoke(h, erased, verb, data));
    expect(res.status).toBe(200);
    expect(res.body.statusCode, verb).toBe(400);
    expect(res.body.value.message).toContain("erased");
  }
  expect((await h.postActivity(buildInstall(h, erased))).status).toBe(200);
  expect((await h.postActivity(buildActivity(h, erased, { type: "message", text: "my goals" }))).status).toBe(200);
  const rows = await readTenantRows(inject("azuriteConnectionString"), [h.tenantId]);
  expect(rows.filter((r) => JSON.stringify(r.entity).includes(erased.id)).map((r) => r.table)).toEqual([]);
  expect((await h.request("GET", `/api/goals/${goalId}/kudos`, { as: h.org.alice })).body.items).toEqual([]);
  expect(h.fake.calls.filter((c) => c.conversationId.includes(erased.id))).toEqual([]);
});
