import { describe, expect, it } from "vitest";
import { runLimited } from "./run-limited.js";

interface Pending {
  item: number;
  resolve(): void;
  reject(error: Error): void;
}

/** Work whose items finish only when the test says so, recording each start and end in order. */
function controlledWork() {
  const events: string[] = [];
  const pending = new Map<number, Pending>();
  const work = (item: number) =>
    new Promise<number>((resolve, reject) => {
      events.push(`start ${item}`);
      pending.set(item, {
        item,
        resolve: () => {
          events.push(`end ${item}`);
          resolve(item * 10);
        },
        reject: (error) => {
          events.push(`fail ${item}`);
          reject(error);
        },
      });
    });
  return { events, pending, work };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("runLimited", () => {
  it("keeps at most `limit` in flight and returns results in input order", async () => {
    const { pending, work } = controlledWork();
    const run = runLimited([1, 2, 3, 4, 5], 2, work);
    await settle();
    expect([...pending.keys()]).toEqual([1, 2]);
    pending.get(2)!.resolve();
    await settle();
    expect([...pending.keys()]).toEqual([1, 2, 3]);
    for (const item of [1, 3, 4, 5]) {
      pending.get(item)!.resolve();
      await settle();
    }
    expect(await run).toEqual([10, 20, 30, 40, 50]);
  });

  it("starts nothing after a failure and throws only once the items in flight have settled", async () => {
    const { events, pending, work } = controlledWork();
    let thrown: unknown = null;
    const run = runLimited([1, 2, 3, 4, 5, 6, 7, 8], 3, work).catch((error: unknown) => {
      thrown = error;
      events.push("thrown");
    });
    await settle();
    pending.get(2)!.reject(new Error("write 2 failed"));
    await settle();
    // Items 1 and 3 are still in flight: the failure waits for them, and no worker takes item 4.
    expect(thrown).toBeNull();
    pending.get(3)!.resolve();
    await settle();
    expect(thrown).toBeNull();
    pending.get(1)!.reject(new Error("write 1 failed too"));
    await run;
    await settle();
    expect((thrown as Error).message).toBe("write 2 failed");
    expect(events).toEqual(["start 1", "start 2", "start 3", "fail 2", "end 3", "fail 1", "thrown"]);
    expect([...pending.keys()]).toEqual([1, 2, 3]);
  });

  it("answers an empty list without calling the work", async () => {
    expect(await runLimited([], 4, () => Promise.reject(new Error("never")))).toEqual([]);
  });
});
