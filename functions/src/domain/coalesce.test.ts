import { describe, expect, test } from "vitest";
import { createCoalescer } from "./coalesce.js";

/** A run that waits until released, and counts itself. */
function gatedRuns() {
  const releases: Array<() => void> = [];
  let started = 0;
  const run = (value: string) => () => {
    started++;
    return new Promise<string>((resolve) => releases.push(() => resolve(value)));
  };
  return { run, releases, started: () => started };
}

describe("coalescing recomputations of one row", () => {
  test("asks that overlap a run wait for it and share one more run; other rows run on their own", async () => {
    const coalesce = createCoalescer();
    const gate = gatedRuns();
    const first = coalesce("row", gate.run("first"));
    const asks = [coalesce("row", gate.run("second")), coalesce("row", gate.run("third")), coalesce("row", gate.run("fourth"))];
    const other = coalesce("other", gate.run("other"));
    expect(gate.started()).toBe(2);
    gate.releases[0]!();
    expect(await first).toBe("first");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(gate.started()).toBe(3);
    gate.releases[2]!();
    expect(await Promise.all(asks)).toEqual(["second", "second", "second"]);
    gate.releases[1]!();
    expect(await other).toBe("other");
    expect(coalesce.size).toBe(0);
  });

  test("a failed run does not stop the one queued behind it, and the row is forgotten once settled", async () => {
    const coalesce = createCoalescer();
    let runs = 0;
    const failing = coalesce("row", async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      throw new Error("storage failed");
    });
    const queued = coalesce("row", async () => ++runs);
    await expect(failing).rejects.toThrow("storage failed");
    expect(await queued).toBe(2);
    expect(coalesce.size).toBe(0);
    expect(await coalesce("row", async () => "again")).toBe("again");
  });
});
