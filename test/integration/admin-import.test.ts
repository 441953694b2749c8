import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Person } from "../../functions/src/domain/types.js";
import { startApiHarness, type ApiHarness } from "../support/api-harness.js";
import { buildTemplateTable, buildVivaTable, CSV, TEMPLATE_HEADER, toCsv, toXlsx, XLSX, type Table } from "../support/import-files.js";

let api: ApiHarness;
let admin: { authorization: string };

beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
  admin = { authorization: `Bearer ${await api.tokenFor(api.org.outsider, { roles: ["Cascade.Admin"] })}` };
});
afterAll(async () => api?.stop());

const upload = (body: string | Uint8Array<ArrayBuffer>, options: { type?: string; dryRun?: boolean; importOptions?: unknown } = {}) =>
  api.request("POST", `/api/admin/imports${options.dryRun === false ? "" : "?dryRun=true"}`, {
    headers: { ...admin, "content-type": options.type ?? CSV, ...(options.importOptions ? { "import-options": JSON.stringify(options.importOptions) } : {}) },
    rawBody: body,
  });

async function runToEnd(body: string | Uint8Array<ArrayBuffer>, type = CSV): Promise<any> {
  const started = await upload(body, { type, dryRun: false });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  expect(started.headers.get("location")).toBe(`/api/admin/imports/${started.body.id}`);
  for (let i = 0; i < 600; i++) {
    const status = await api.request("GET", `/api/admin/imports/${started.body.id}`, { headers: admin });
    expect(status.status).toBe(200);
    if (status.body.status !== "running") return status.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("The import did not finish");
}

const goalsOf = async (person: Person) => (await api.request("GET", `/api/goals?owner=${person.id}`, { as: person })).body.items;
const template = (prefix = "t"): Table => buildTemplateTable(api.org, api.cycle.name, prefix);

describe("importing the Cascade template", () => {
  test("a dry run counts what would change, names bad rows by line, and writes nothing", async () => {
    const table = [...template("dry"), ["dry-x", "goal", "Unknown owner", null, "nobody@example.test", api.cycle.name, null, null, null, null, null, null, null, null], ["dry-y", "key result", "No target", null, null, null, "dry-team", null, null, null, null, null, null, null]];
    const res = await upload("\uFEFF" + toCsv(table, ";"));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ format: "cascade", rows: 7, goals: { create: 3, update: 0 }, keyResults: { create: 2, update: 0 }, unknownOwners: [{ owner: "nobody@example.test", problem: "unknown", lines: [7] }] });
    expect(res.body.errors).toEqual([
      { line: 7, message: 'The owner "nobody@example.test" is not in the directory.' },
      { line: 8, message: "A key result needs a target (or kr type milestone)." },
    ]);
    expect(await goalsOf(api.org.manager)).toEqual([]);
  });

  test("a run creates the goals aligned and active, with progress and an imported history entry instead of an approval", async () => {
    const result = await runToEnd(toCsv(template()));
    expect(result).toMatchObject({ status: "done", processed: 5, created: 5, updated: 0, skipped: 0, errors: [], failure: null });
    const [team] = await goalsOf(api.org.manager);
    const [company] = await goalsOf(api.org.ceo);
    const [draft] = await goalsOf(api.org.alice);
    expect(company).toMatchObject({ title: "Grow online revenue", status: "active", parentId: null, dueDate: "2027-03-31" });
    expect(team).toMatchObject({ status: "active", parentId: company.id, dueDate: "2027-03-15", approverId: api.org.vp.id });
    expect(team.keyResults).toEqual([
      { id: expect.any(String), title: "Median checkout time", kind: "decrease", start: 90, target: 30, current: 60, unitKind: "text", unit: "s" },
      { id: expect.any(String), title: "New checkout live", kind: "milestone", done: true },
    ]);
    expect(draft).toMatchObject({ status: "draft", parentId: team.id });
    const history = await api.request("GET", `/api/goals/${team.id}/history`, { as: api.org.manager });
    expect(history.body.items).toEqual([expect.objectContaining({ action: "imported", actorId: api.org.outsider.id, comment: "Imported from a spreadsheet, line 2." })]);
    const children = await api.request("GET", `/api/alignment?cycle=${api.cycle.id}&root=${company.id}`, { as: api.org.ceo });
    expect(children.body.items.map((n: any) => n.goal.id)).toEqual([team.id]);
    expect(children.body.parent).toMatchObject({ alignedCount: 1 });
  });

  test("running the same file again changes nothing; a changed value updates the goal in place", async () => {
    const again = await runToEnd(toCsv(template()));
    expect(again).toMatchObject({ status: "done", processed: 5, created: 0, updated: 0, skipped: 5 });
    const changed = template();
    changed[3]![11] = 45;
    const updated = await runToEnd(toCsv(changed));
    expect(updated).toMatchObject({ status: "done", created: 0, updated: 2, skipped: 3 });
    const team = await goalsOf(api.org.manager);
    expect(team).toHaveLength(1);
    expect(team[0].keyResults[0]).toMatchObject({ current: 45 });
    expect(team[0].status).toBe("active");
  });

  test("a failure stops the run with what it left behind; running the file again resumes without duplicates", async () => {
    const imports = api.services.admin.imports;
    const real = imports.writer;
    // The first transaction is written, then storage goes away.
    imports.writer = { writeGoals: (tenantId, writes, written) => real.writeGoals(tenantId, writes.slice(0, 1), written).then(() => Promise.reject(new Error("storage went away"))) };
    try {
      const failed = await runToEnd(toCsv(template("r")));
      expect(failed.status).toBe("failed");
      expect(failed.failure).toMatch(/could not all be written because storage failed.*1 of 3 goals were written.*upload the same file again/);
      expect(failed.created).toBe(1);
    } finally {
      imports.writer = real;
    }
    const resumed = await runToEnd(toCsv(template("r")));
    expect(resumed).toMatchObject({ status: "done", created: 4, skipped: 1 });
    expect((await goalsOf(api.org.ceo)).filter((g: any) => g.title === "Grow online revenue")).toHaveLength(2);
    expect((await goalsOf(api.org.manager)).filter((g: any) => g.title === "Make checkout faster")).toHaveLength(2);
  });
});

describe("other files", () => {
  test("a Viva Goals export: objectives, key results and initiatives, owners by name, several owners, statuses", async () => {
    const viva = toCsv(buildVivaTable(api.org, api.cycle.name));
    const preview = await upload(viva);
    expect(preview.body).toMatchObject({ format: "viva", rows: 3, goals: { create: 1 }, keyResults: { create: 2 }, errors: [], unknownOwners: [] });
    const result = await runToEnd(viva);
    expect(result).toMatchObject({ status: "done", created: 3 });
    const [goal] = await goalsOf(api.org.vp);
    expect(goal).toMatchObject({ title: "Win the enterprise market", status: "active", dueDate: "2027-03-31" });
    expect(goal.keyResults).toEqual([
      { id: expect.any(String), title: "Enterprise pipeline", kind: "increase", start: 0, target: 100, current: 35, unitKind: "text", unit: "%" },
      { id: expect.any(String), title: "Hire two account executives", kind: "milestone", done: true },
    ]);
    expect(await runToEnd(viva)).toMatchObject({ created: 0, updated: 0, skipped: 3 });
  });

  test("an owner written as their user principal name, synced beside a different mail, is matched", async () => {
    const olga = api.org.outsider;
    await api.services.directory.upsertPeople(api.tenantId, [{ ...olga, userPrincipalName: "olga.signin@tenant.onmicrosoft.example", updatedAt: new Date().toISOString() }]);
    const table = [[...TEMPLATE_HEADER], ["upn-1", "goal", "Owned by sign-in name", null, "OLGA.SIGNIN@tenant.onmicrosoft.example", api.cycle.name, null, "draft", null, null, null, null, null, null]];
    const preview = await upload(toCsv(table));
    expect(preview.body).toMatchObject({ rows: 1, goals: { create: 1 }, unknownOwners: [], errors: [] });
    expect(await runToEnd(toCsv(table))).toMatchObject({ status: "done", created: 1 });
    expect((await goalsOf(olga)).map((g: any) => g.title)).toContain("Owned by sign-in name");
  });

  test("an Excel workbook with date cells and numbers", async () => {
    const table = template("x").map((row, i) => (i === 1 ? row.map((cell, c) => (c === 13 ? new Date(Date.UTC(2027, 2, 20)) : cell)) : row));
    const result = await runToEnd(await toXlsx(table), XLSX);
    expect(result).toMatchObject({ status: "done", created: 5 });
    const team = (await goalsOf(api.org.manager)).find((g: any) => g.dueDate === "2027-03-20");
    expect(team?.keyResults[0]).toMatchObject({ start: 90, target: 30, current: 60 });
  });

  test("an unknown sheet asks for a mapping, and the confirmed mapping imports it", async () => {
    const sheet = toCsv([["Ref", "Kind", "Name", "Person", "Quarter", "Über"], ["m1", "goal", "Mapped goal", api.org.bob.mail, api.cycle.name, "x"]]);
    const unknown = await upload(sheet);
    expect(unknown.body).toMatchObject({ format: "unknown", headers: ["Ref", "Kind", "Name", "Person", "Quarter", "Über"], errors: [{ line: 1 }] });
    expect((await upload(sheet, { dryRun: false })).status).toBe(400);
    const mapping = { id: "Ref", type: "Kind", title: "Name", owner: "Person", cycle: "Quarter", description: "Über" };
    const header = JSON.stringify({ mapping }).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    const mapped = await api.request("POST", "/api/admin/imports?dryRun=true", { headers: { ...admin, "content-type": CSV, "import-options": header }, rawBody: sheet });
    expect(mapped.body).toMatchObject({ format: "mapped", goals: { create: 1 }, errors: [] });
  });
});

describe("refusals", () => {
  test("non-admins, other media types, bad options and oversized files are refused with problems", async () => {
    const body = toCsv(template("no"));
    const asAlice = await api.request("POST", "/api/admin/imports?dryRun=true", { as: api.org.alice, headers: { "content-type": CSV }, rawBody: body });
    expect(asAlice.status).toBe(403);
    expect((await api.request("GET", "/api/admin/imports/abc", { as: api.org.alice })).status).toBe(403);
    expect((await api.request("GET", "/api/admin/imports/abc", { headers: admin })).status).toBe(404);
    const wrongType = await upload(body, { type: "application/json" });
    expect(wrongType.status).toBe(415);
    expect(wrongType.headers.get("content-type")).toContain("application/problem+json");
    expect((await upload(body, { importOptions: { mapping: { nonsense: "x" } } })).status).toBe(400);
    expect((await api.request("POST", "/api/admin/imports?dryRun=maybe", { headers: { ...admin, "content-type": CSV }, rawBody: body })).status).toBe(400);
    const tooLarge = await upload(new Uint8Array(41 * 1024 * 1024).fill(0x61));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ code: "payload_too_large", detail: "The body is larger than 40 MB." });
    expect(await goalsOf(api.org.bob)).toEqual([]);
  });
});
