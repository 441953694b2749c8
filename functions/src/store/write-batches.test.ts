import { describe, expect, test } from "vitest";
import type { EntityWrite } from "./org-plan.js";
import { streamBatches, toBatches } from "./write-batches.js";

const write = (rowKey: string, group?: number, isDelete = false): EntityWrite => ({ partition: 0, rowKey, props: isDelete ? null : { n: 1 }, etag: null, ...(group === undefined ? {} : { group }) });
const keys = (batches: EntityWrite[][]) => batches.map((batch) => batch.map((w) => w.rowKey));

describe("transaction batches", () => {
  test("a group that would straddle two batches starts the next one; deletes are left out", () => {
    const writes = [write("a"), write("b"), write("c1", 7), write("c2", 7), write("c3", 7), write("d", undefined, true), write("e")];
    expect(keys(toBatches(writes, { maxCount: 4, maxChars: 1e6 }, () => 1))).toEqual([["a", "b"], ["c1", "c2", "c3", "e"]]);
  });

  test("a group larger than one batch is split by the limits", () => {
    const writes = Array.from({ length: 5 }, (_, i) => write(`g${i}`, 1));
    expect(keys(toBatches(writes, { maxCount: 2, maxChars: 1e6 }, () => 1))).toEqual([["g0", "g1"], ["g2", "g3"], ["g4"]]);
    expect(keys(toBatches([write("x"), ...writes.slice(0, 2)], { maxCount: 100, maxChars: 25 }, () => 10))).toEqual([["x"], ["g0", "g1"]]);
  });

  test("batches stream: a batch is handed out before the writes after it are taken", () => {
    let taken = 0;
    function* planned(): Generator<EntityWrite> {
      for (const rowKey of ["a", "b", "c", "d", "e"]) {
        taken++;
        yield write(rowKey, rowKey === "c" || rowKey === "d" ? 3 : undefined);
      }
    }
    const batches = streamBatches(planned(), { maxCount: 2, maxChars: 1e6 }, () => 1);
    const first = batches.next();
    expect(first.done ? [] : first.value.map((w) => w.rowKey)).toEqual(["a", "b"]);
    // b is placed once c shows that b's group (none) has ended; d and e are not taken yet.
    expect(taken).toBe(3);
    expect(keys([...batches])).toEqual([["c", "d"], ["e"]]);
    expect(taken).toBe(5);
  });
});
