import type { TransactionAction } from "@azure/data-tables";
import { describe, expect, it } from "vitest";
import { toTransactions } from "./import-goal-writes.js";

const pair = (i: number, text = ""): TransactionAction[] => [
  ["create", { partitionKey: "p", rowKey: `g${i}`, text }],
  ["create", { partitionKey: "p", rowKey: `a${i}` }],
];

describe("toTransactions", () => {
  it("fills transactions up to 100 operations and never splits an item's operations", () => {
    const batches = toTransactions([...Array(101).keys()], (i) => pair(i));
    expect(batches.map((b) => b.actions.length)).toEqual([100, 100, 2]);
    expect(batches.map((b) => b.items.length)).toEqual([50, 50, 1]);
    expect(batches.flatMap((b) => b.items)).toEqual([...Array(101).keys()]);
  });

  it("starts a new transaction before the payload limit, even under 100 operations", () => {
    const big = "x".repeat(600_000);
    const batches = toTransactions([0, 1, 2, 3, 4], (i) => pair(i, big));
    expect(batches.map((b) => b.items)).toEqual([[0, 1, 2], [3, 4]]);
  });

  it("writes nothing for nothing", () => {
    expect(toTransactions([], (i: number) => pair(i))).toEqual([]);
  });
});
