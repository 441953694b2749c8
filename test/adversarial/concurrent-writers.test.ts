/** 32 people's worth of writers on one goal over HTTP, each adding its own line to the description with
 * If-Match and retrying on 412: every write the API acknowledged is in the final goal. */
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { buildGoalBody, startApiHarness, type ApiHarness } from "../support/api-harness.js";
import { recordCounts } from "./support/counts.js";

const WRITERS = 32;
const WRITES_EACH = 1;

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
});
afterAll(async () => api?.stop());

describe("concurrent writers on one goal", () => {
  test(`${WRITERS} writers with If-Match lose no acknowledged write`, async () => {
    const token = await api.tokenFor(api.org.alice);
    const auth = { authorization: `Bearer ${token}` };
    const created = await api.request("POST", "/api/goals", { as: token, body: buildGoalBody({ description: "Writers:" }) });
    expect(created.status).toBe(201);
    const url = `${api.url}/api/goals/${created.body.id}`;
    const acknowledged: string[] = [];
    let conflicts = 0;

    async function write(marker: string): Promise<void> {
      for (let attempt = 0; attempt < 500; attempt++) {
        const read = await fetch(url, { headers: auth });
        const goal = (await read.json()) as { description: string };
        const res = await fetch(url, {
          method: "PATCH",
          headers: { ...auth, "content-type": "application/json", "if-match": read.headers.get("etag")! },
          body: JSON.stringify({ description: `${goal.description} ${marker}` }),
        });
        await res.text();
        if (res.status === 200) {
          acknowledged.push(marker);
          return;
        }
        expect(res.status, `writer ${marker}`).toBe(412);
        conflicts++;
      }
      throw new Error(`writer ${marker} never got its write in`);
    }

    await Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        for (let n = 0; n < WRITES_EACH; n++) await write(`w${writer}.${n};`);
      }),
    );
    const final = await api.request("GET", `/api/goals/${created.body.id}`, { as: token });
    const lost = acknowledged.filter((marker) => !final.body.description.split(" ").includes(marker));
    expect(acknowledged).toHaveLength(WRITERS * WRITES_EACH);
    expect(lost).toEqual([]);
    expect(conflicts, "the writers really did race").toBeGreaterThan(0);
    recordCounts({ concurrentWriters: WRITERS, acknowledgedWrites: acknowledged.length, lostWrites: lost.length, writeConflictsRetried: conflicts });
  });
});
