/** Org chart reads: anyone in the tenant reads profiles and reports; nothing crosses tenants. */
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Person } from "../../functions/src/domain/types.js";
import { startApiHarness, type ApiHarness } from "../support/api-harness.js";
import { addPeople, buildOrgChart } from "../support/cascade-fixtures.js";

let api: ApiHarness;
let org: Record<"R" | "A" | "B" | "A1" | "A2" | "A11", Person>;

beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
  org = buildOrgChart({ R: null, A: "R", B: "R", A1: "A", A2: "A", A11: "A1" });
  org.A2 = { ...org.A2, accountEnabled: false };
  await addPeople(api, org);
});
afterAll(async () => api?.stop());

const ids = (items: Array<{ id: string }>) => items.map((p) => p.id);

describe("GET /api/people/{id}", () => {
  test("anyone in the tenant reads a profile with manager chain and reports count, and no goal data", async () => {
    const res = await api.request("GET", `/api/people/${org.A1.id}`, { as: org.B });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: org.A1.id,
      displayName: org.A1.displayName,
      jobTitle: org.A1.jobTitle,
      mail: org.A1.mail,
      department: org.A1.department,
      managerId: org.A.id,
      isEnabled: true,
      manager: { id: org.A.id, displayName: org.A.displayName, jobTitle: org.A.jobTitle },
      managerChain: [org.A, org.R].map((p) => ({ id: p.id, displayName: p.displayName, jobTitle: p.jobTitle })),
      reportsCount: 1,
    });
  });

  test("me and top name the caller and the top of their chain", async () => {
    expect((await api.request("GET", "/api/people/me", { as: org.A11 })).body.id).toBe(org.A11.id);
    expect((await api.request("GET", "/api/people/top", { as: org.A11 })).body.id).toBe(org.R.id);
    expect((await api.request("GET", "/api/people/top", { as: org.R })).body.id).toBe(org.R.id);
  });

  test("unknown, badly formed, unauthenticated and other-tenant requests are refused", async () => {
    expect((await api.request("GET", "/api/people/00000000-0000-4000-8000-00000000abcd", { as: org.A })).status).toBe(404);
    expect((await api.request("GET", "/api/people/bad%20id", { as: org.A })).status).toBe(400);
    expect((await api.request("GET", `/api/people/${org.A.id}`, { as: null })).status).toBe(401);
    const stranger = await api.tokenFor(org.A.id, { tid: api.otherTenantId });
    expect((await api.request("GET", `/api/people/${org.A.id}`, { as: stranger })).status).toBe(404);
    expect((await api.request("GET", `/api/people/${org.A.id}/reports?depth=all`, { as: stranger })).status).toBe(404);
  });
});

describe("GET /api/people/{id}/reports", () => {
  test("direct reports by default, disabled accounts marked", async () => {
    const res = await api.request("GET", `/api/people/${org.A.id}/reports`, { as: org.B });
    expect(ids(res.body.items)).toEqual([org.A1.id, org.A2.id]);
    expect(res.body.items.map((p: any) => [p.level, p.isEnabled, p.managerId])).toEqual([
      [1, true, org.A.id],
      [1, false, org.A.id],
    ]);
  });

  test("depth=all: everyone below, each manager before their reports, for anyone in the tenant", async () => {
    const res = await api.request("GET", `/api/people/${org.R.id}/reports?depth=all`, { as: org.A11 });
    expect(res.status).toBe(200);
    expect(ids(res.body.items)).toEqual([org.A, org.A1, org.A11, org.A2, org.B].map((p) => p.id));
    expect(res.body.items.map((p: any) => p.level)).toEqual([1, 2, 3, 2, 1]);
    expect(res.body.nextCursor).toBeNull();
    expect(Object.keys(res.body.items[0]).sort()).toEqual(["department", "displayName", "id", "isEnabled", "jobTitle", "level", "mail", "managerId"]);
  });

  test("depth=all pages: each page continues where the last stopped, and together they are the whole listing", async () => {
    const seen: string[] = [];
    const levels: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `depth=all&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await api.request("GET", `/api/people/${org.R.id}/reports?${query}`, { as: org.B });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(res.body.items));
      levels.push(...res.body.items.map((p: any) => p.level));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([org.A, org.A1, org.A11, org.A2, org.B].map((p) => p.id));
    expect(levels).toEqual([1, 2, 3, 2, 1]);
  });

  test("a cursor not handed out, one of another listing, or paging direct reports is refused with nothing listed", async () => {
    const first = await api.request("GET", `/api/people/${org.R.id}/reports?depth=all&limit=2`, { as: org.B });
    const cursor = first.body.nextCursor as string;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const elsewhere = await api.request("GET", `/api/people/${org.A.id}/reports?depth=all&cursor=${cursor}`, { as: org.B });
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.headers.get("content-type")).toContain("application/problem+json");
    const forged = Buffer.from(JSON.stringify([[org.R.id, 1], [org.B.id, 0]])).toString("base64url");
    expect((await api.request("GET", `/api/people/${org.R.id}/reports?depth=all&cursor=${forged}`, { as: org.B })).status).toBe(409);
    for (const bad of ["not*base64", Buffer.from("{").toString("base64url"), Buffer.from("[]").toString("base64url"), Buffer.from(JSON.stringify([[org.R.id, -1]])).toString("base64url")]) {
      expect((await api.request("GET", `/api/people/${org.R.id}/reports?depth=all&cursor=${encodeURIComponent(bad)}`, { as: org.B })).status).toBe(400);
    }
    expect((await api.request("GET", `/api/people/${org.R.id}/reports?cursor=${cursor}`, { as: org.B })).status).toBe(400);
    for (const limit of ["0", "501", "2.5", "x"]) expect((await api.request("GET", `/api/people/${org.R.id}/reports?depth=all&limit=${limit}`, { as: org.B })).status).toBe(400);
  });

  test("a leaf has no reports; other depths are refused", async () => {
    expect((await api.request("GET", `/api/people/${org.A11.id}/reports?depth=all`, { as: org.A11 })).body.items).toEqual([]);
    expect((await api.request("GET", `/api/people/${org.R.id}/reports?depth=2`, { as: org.R })).status).toBe(400);
  });
});
