/** Inputs that once answered 500, the headers every response carries, and authentication before the
 * body is read. Each case is a request an attacker can send as is. */
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { buildGoalBody, startApiHarness, type ApiHarness } from "../support/api-harness.js";

let api: ApiHarness;
let adminToken: string;
let goalId: string;

beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
  adminToken = await api.tokenFor(api.org.outsider, { roles: ["Cascade.Admin"] });
  const created = await api.request("POST", "/api/goals", { as: api.org.alice, body: buildGoalBody() });
  expect(created.status).toBe(201);
  goalId = created.body.id;
});
afterAll(async () => api?.stop());

const asAdmin = () => ({ headers: { authorization: `Bearer ${adminToken}` } });

function expectProblem(res: { status: number; headers: Headers; body: any }, status: number) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
}

describe("paths and cursors that once answered 500", () => {
  test("a tab path that decodes to broken UTF-8 is not found, not a server error", async () => {
    for (const path of ["/%25E0%25A4", "/%25", "/assets/%25E0%25A4.js", "/%E0%A4%A"]) {
      const res = await api.request("GET", path);
      expect(res.status, path).toBeLessThan(500);
    }
  });

  test("an API path with broken percent-encoding is a 4xx problem", async () => {
    for (const path of ["/api/goals/%E0%A4%A", "/api/people/%E0%A4%A/reports", "/api/goals/%"]) {
      const res = await api.request("GET", path, { as: api.org.alice });
      expectProblem(res, 400);
    }
  });

  test("an export cursor that this server did not hand out is refused before storage sees it", async () => {
    const garbage = Buffer.from(JSON.stringify([0, "garbage-token"])).toString("base64url");
    const cursors = [
      "WzAsImdhcmJhZ2UtdG9rZW4iXQ",
      garbage,
      Buffer.from(JSON.stringify([0, Buffer.from("{}").toString("base64")])).toString("base64url"),
      Buffer.from(JSON.stringify([0, Buffer.from('{"nextPartitionKey":5}').toString("base64")])).toString("base64url"),
      Buffer.from(JSON.stringify([0, Buffer.from(JSON.stringify({ nextPartitionKey: "a'b", nextRowKey: "c" })).toString("base64")])).toString("base64url"),
      Buffer.from(JSON.stringify([0, Buffer.from(JSON.stringify({ nextPartitionKey: "YQ==", extra: 1 })).toString("base64")])).toString("base64url"),
      Buffer.from(JSON.stringify([99, null])).toString("base64url"),
      "%%%",
      "a".repeat(5000),
    ];
    for (const cursor of cursors) {
      const res = await api.request("GET", `/api/admin/export?cursor=${encodeURIComponent(cursor)}`, asAdmin());
      expectProblem(res, 400);
      expect(res.body.code).toBe("validation_failed");
    }
  });

  test("the export still pages with the cursors it hands out", async () => {
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: any = await api.request("GET", `/api/admin/export${cursor ? `?cursor=${cursor}` : ""}`, asAdmin());
      expect(res.status).toBe(200);
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 200);
    expect(cursor).toBeNull();
  });

  test.each(["goal.refresh", "kudos.send", "checkin.submit", "goal.approve"])("a card action %s with a goal id that is not an id is a card error, not a 500", async (verb) => {
    for (const bad of ["a/b", "a#b", "a?b", "x\\y", "\u0000", "é".repeat(70)]) {
      const res = await api.request("POST", "/api/card-actions", { as: api.org.bob, body: { verb, data: { goalId: bad, version: "v", message: "Thanks", kudosMessage: "Thanks" } } });
      expect(res.status).toBe(200);
      expect(res.body.statusCode, `${verb} ${bad}`).toBe(400);
    }
  });
});

describe("headers on every response", () => {
  test("JSON, problem+json, CSV and plain 404s say nosniff", async () => {
    const responses = [
      await api.request("GET", "/api/health"),
      await api.request("GET", "/api/me", { as: api.org.alice }),
      await api.request("GET", `/api/goals/${goalId}`, { as: api.org.alice }),
      await api.request("GET", "/api/goals/nope", { as: api.org.alice }),
      await api.request("GET", "/api/me"),
      await api.request("GET", "/api/nothing-here"),
      await api.request("POST", "/api/nothing-here"),
      await api.request("GET", "/assets/missing.js"),
      await api.request("GET", "/"),
      await api.request("GET", "/api/export/goals.csv", { as: api.org.manager }),
    ];
    for (const res of responses) expect(res.headers.get("x-content-type-options"), `${res.status} ${res.headers.get("content-type")}`).toBe("nosniff");
  });
});

describe("authentication comes before the body", () => {
  const bad = [
    { rawBody: "{not json", headers: { "content-type": "application/json" } },
    { rawBody: "<xml/>", headers: { "content-type": "application/xml" } },
    { rawBody: "x".repeat(70 * 1024), headers: { "content-type": "application/json" } },
  ];
  test.each([
    ["POST", "/api/goals"],
    ["PATCH", "/api/goals/abc"],
    ["POST", "/api/card-actions"],
    ["POST", "/api/admin/erase"],
    ["PUT", "/api/me/time-zone"],
    ["POST", "/api/goals/abc/checkins"],
  ])("an anonymous %s %s with a bad body gets 401", async (method, path) => {
    for (const options of bad) {
      const res = await api.request(method, path, options);
      expectProblem(res, 401);
      expect(res.body.code).toBe("unauthenticated");
    }
  });

  test("a signed-in bad body still gets its own 4xx", async () => {
    const res = await api.request("POST", "/api/goals", { as: api.org.alice, rawBody: "{not json", headers: { "content-type": "application/json" } });
    expectProblem(res, 400);
    expect(res.body.code).toBe("malformed_json");
  });
});
