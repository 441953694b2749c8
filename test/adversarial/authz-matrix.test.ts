/** The authorisation matrix: every role against every route of functions/openapi.json and every card
 * verb, on Alice's goals in every state, her team and the other tenant. A refused call must be a 4xx,
 * write nothing, and show nothing the role may not see; an allowed call must succeed. */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { VERBS } from "../../cards/src/index.js";
import { startApiHarness, type ApiHarness } from "../support/api-harness.js";
import { readTenantRows } from "../support/table-scan.js";
import { AUTHZ_TABLE, ROLES, ROUTES_COVERED_BY_CARD_ROWS, type Role, type Row, type Subject } from "./support/authz-table.js";
import { buildRequest, buildWorld, type GoalRef, type World } from "./support/authz-world.js";
import { recordCounts } from "./support/counts.js";

const openapi = JSON.parse(readFileSync(new URL("../../functions/openapi.json", import.meta.url), "utf8")) as { paths: Record<string, Record<string, unknown>> };
const OPERATIONS = Object.entries(openapi.paths).flatMap(([path, item]) =>
  Object.keys(item)
    .filter((key) => ["get", "put", "post", "patch", "delete"].includes(key))
    .map((method) => `${method.toUpperCase()} ${path}`),
);
const CHAIN: readonly Role[] = ["owner", "manager", "skipManager"];
const PARALLEL = 4;

interface Case {
  row: Row;
  subject: Subject;
  role: Role;
  isAllowed: boolean;
}

const cases: Case[] = AUTHZ_TABLE.flatMap((row) =>
  Object.entries(row.allowed).flatMap(([subject, allowed]) => ROLES.map((role) => ({ row, subject: subject as Subject, role, isAllowed: allowed!.includes(role) }))),
);

let api: ApiHarness;
let world: World;
let findings: string[] = [];
let unexpected = 0;
let leaks = 0;
let ran = 0;

beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
  world = await buildWorld(api);
});
afterAll(async () => {
  recordCounts({ authzCases: ran, authzUnexpected: unexpected, authzLeaks: leaks });
  await api?.stop();
});

/** What the role may not see in this answer. */
function forbiddenTexts(row: Row, role: Role): string[] {
  const texts: string[] = [];
  const isOtherTenant = role.startsWith("otherTenant");
  const seesPrivate = CHAIN.includes(role) || (row.seesPrivate ?? []).includes(role);
  if (!seesPrivate) texts.push(...world.secrets);
  texts.push(isOtherTenant ? world.tenantMarker : world.otherTenantMarker, isOtherTenant ? api.tenantId : api.otherTenantId);
  return texts;
}

async function runCase(c: Case, fresh: { goal?: GoalRef; person?: { id: string }; cycleId?: string } = {}): Promise<void> {
  const request = await buildRequest(world, c.row.operation, c.subject, c.role, fresh as never);
  const res = await fetch(`${api.url}${request.path}`, {
    method: request.method,
    headers: { ...world.headers[c.role], ...(request.body === undefined ? {} : { "content-type": "application/json" }), ...request.headers },
    body: request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body)),
  });
  const text = await res.text();
  ran++;
  const label = `${c.role} ${c.row.operation} on ${c.subject} → ${res.status}`;
  const isCard = c.row.operation.startsWith("card ");
  const cardStatus = isCard && res.status === 200 ? (JSON.parse(text) as { statusCode: number }).statusCode : null;
  const leaked = forbiddenTexts(c.row, c.role).filter((secret) => text.includes(secret));
  if (leaked.length > 0) {
    leaks++;
    unexpected++;
    findings.push(`LEAK ${label}: shows ${leaked.join(", ")}`);
  }
  const isAccepted = c.isAllowed && (c.row.alsoAccepted ?? []).includes(res.status);
  if ((res.status >= 500 && !isAccepted) || (cardStatus !== null && cardStatus >= 500)) findings.push(`SERVER ERROR ${label}: ${text.slice(0, 300)}`);
  if (c.row.isAbsent && res.status !== 404) findings.push(`NOT 404 ${label}`);
  if (!c.row.isAbsent && c.role === "anonymous" && !c.isAllowed && res.status !== 401) findings.push(`NOT 401 ${label}`);
  if (c.isAllowed) {
    const isOk = isCard ? cardStatus === 200 : (res.status >= 200 && res.status < 300) || isAccepted;
    if (!isOk) findings.push(`REFUSED ALLOWED ${label}: ${text.slice(0, 300)}`);
  } else if (!isCard && res.status < 400) {
    unexpected++;
    findings.push(`UNEXPECTED SUCCESS ${label}: ${text.slice(0, 300)}`);
  }
}

/** Runs the cases a few at a time: they are independent, and the machine's storage is the bottleneck. */
async function runAll(list: Case[], run: (c: Case) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: PARALLEL }, async () => {
    while (next < list.length) await run(list[next++]!);
  }));
}

/** Every row of every table in both tenants, by key, with its ETag: any write changes it. */
async function snapshot(): Promise<Map<string, string>> {
  const rows = await readTenantRows(inject("azuriteConnectionString"), [api.tenantId, api.otherTenantId]);
  return new Map(rows.map(({ table, entity }) => [`${table}|${String(entity.partitionKey)}|${String(entity.rowKey)}`, String(entity.etag)]));
}

describe("the authorisation matrix", () => {
  test("has a row for every operation in the OpenAPI document and every card verb, and nothing else", () => {
    const rowOperations = new Set(AUTHZ_TABLE.map((row) => row.operation));
    const missing = OPERATIONS.filter((op) => !rowOperations.has(op) && !ROUTES_COVERED_BY_CARD_ROWS.includes(op));
    expect(missing, "operations without a row").toEqual([]);
    const missingVerbs = Object.values(VERBS).filter((verb) => !rowOperations.has(`card ${verb}`));
    expect(missingVerbs, "card verbs without a row").toEqual([]);
    const unknown = [...rowOperations].filter((op) => !OPERATIONS.includes(op) && !(op.startsWith("card ") && (Object.values(VERBS) as string[]).includes(op.slice(5))));
    expect(unknown, "rows for operations that do not exist").toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(1000);
  });

  test("refused calls are 4xx, show nothing they should not and write nothing", async () => {
    findings = [];
    const before = await snapshot();
    await runAll(cases.filter((c) => !c.isAllowed), (c) => runCase(c));
    const after = await snapshot();
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((key) => before.get(key) !== after.get(key));
    if (changed.length > 0) {
      unexpected++;
      findings.push(`WRITTEN BY REFUSED CALLS: ${changed.slice(0, 20).join("; ")}`);
    }
    expect(findings).toEqual([]);
  });

  test("allowed calls succeed and show nothing they should not", async () => {
    findings = [];
    await runAll(cases.filter((c) => c.isAllowed), async (c) => {
      const needsGoal = c.row.isWrite && (c.row.operation.includes("{id}") && c.row.operation.includes("/goals/")) || c.row.operation.startsWith("card ");
      const fresh = {
        goal: c.row.isWrite && needsGoal ? await world.makeGoal(c.subject) : undefined,
        person: c.row.operation === "POST /api/admin/erase" ? await world.makePerson(c.role === "admin" ? "main" : "other") : undefined,
        cycleId: c.row.operation === "POST /api/admin/cycles/{id}/close" ? await world.makeCycle() : c.row.operation === "POST /api/admin/cycles/{id}/close-out" ? await world.makeCycle(true) : undefined,
      };
      if (fresh.goal && c.row.operation === "POST /api/goals/{id}/close-out/comments") fresh.goal = await world.closeOut(fresh.goal);
      await runCase(c, fresh);
    });
    expect(findings).toEqual([]);
  });
});
