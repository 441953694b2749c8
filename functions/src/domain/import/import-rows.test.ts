import { describe, expect, test } from "vitest";
import { readDate, readDone, readNumber } from "./import-cells.js";
import { recogniseSheet } from "./import-fields.js";
import { readValues, validateRow } from "./import-rows.js";
import { readVivaParentIds, readVivaRow } from "./import-viva.js";

describe("cells", () => {
  test("dates: ISO days, timestamps, Excel date cells and serial day numbers; impossible days are refused", () => {
    expect(readDate("2027-03-31")).toEqual({ value: "2027-03-31" });
    expect(readDate("2027-03-31T00:00:00Z")).toEqual({ value: "2027-03-31" });
    expect(readDate(new Date(Date.UTC(2027, 2, 31)))).toEqual({ value: "2027-03-31" });
    expect(readDate(46477)).toEqual({ value: "2027-03-31" });
    expect(readDate("46477")).toEqual({ value: "2027-03-31" });
    expect(readDate(1)).toEqual({ value: "1899-12-31" });
    expect(readDate("")).toEqual({ value: null });
    expect(readDate("2027-02-30")).toHaveProperty("error");
    expect(readDate("31/03/2027")).toHaveProperty("error");
    expect(readDate(12.5)).toHaveProperty("error");
  });

  test("numbers: plain, thousands separators, a trailing percent; words and huge values are refused", () => {
    expect(readNumber("1,250.5")).toEqual({ value: 1250.5 });
    expect(readNumber("40 %")).toEqual({ value: 40 });
    expect(readNumber(-3)).toEqual({ value: -3 });
    expect(readNumber(" ")).toEqual({ value: null });
    expect(readNumber("12,5")).toHaveProperty("error");
    expect(readNumber("ten")).toHaveProperty("error");
    expect(readNumber("1e13")).toHaveProperty("error");
  });

  test("done: words, numbers and booleans", () => {
    expect(readDone("Yes")).toEqual({ value: true });
    expect(readDone(0)).toEqual({ value: false });
    expect(readDone(true)).toEqual({ value: true });
    expect(readDone("maybe")).toHaveProperty("error");
  });
});

describe("recognising a sheet", () => {
  test("the template in any letter case, columns in any order", () => {
    const found = recogniseSheet(["Title", "ID", "TYPE", "Kr  Type", "owner"], null);
    expect(found).toEqual({ format: "cascade", columns: { title: 0, id: 1, type: 2, krType: 3, owner: 4 } });
  });

  test("a Viva Goals export by its columns", () => {
    expect(recogniseSheet(["Id", "Title", "Team", "Owner", "Object Type", "Aligned To (weight, Objective ID)"], null)).toMatchObject({ format: "viva", vivaColumns: { id: 0, title: 1, owner: 3, objectType: 4, alignedTo: 5 } });
  });

  test("any other sheet needs a mapping, and a mapping that names every required field reads it", () => {
    expect(recogniseSheet(["Ref", "Kind", "Name", "Owner"], null)).toEqual({ format: "unknown", suggested: { owner: "Owner" }, missing: ["id", "type", "title"] });
    expect(recogniseSheet(["Ref", "Kind", "Name"], { id: "ref", type: "Kind", title: "name" })).toEqual({ format: "mapped", columns: { id: 0, type: 1, title: 2 } });
    expect(recogniseSheet(["Ref", "Kind"], { id: "Ref", type: "Kind", title: "Name" })).toMatchObject({ format: "unknown", missing: ["title"] });
  });
});

describe("validating a row", () => {
  test("a goal and its key results", () => {
    expect(validateRow(2, { id: "g1", type: "Goal", title: " Grow ", owner: "ada@x.example", cycle: "Q1", status: "ACTIVE", due: "2027-03-31" })).toEqual({
      line: 2, id: "g1", type: "goal", title: "Grow", description: "", owner: "ada@x.example", cycle: "Q1", parent: "", status: "active", keyResult: null, due: "2027-03-31",
    });
    expect(validateRow(3, { id: "k1", type: "key result", title: "Revenue", parent: "g1", krType: "increase", start: "10", target: 20, unit: "€" })).toMatchObject({
      keyResult: { kind: "number", start: 10, target: 20, current: 10, unit: "€" },
    });
    expect(validateRow(4, { id: "k2", type: "KR", title: "Launch", parent: "g1", krType: "Milestone", current: "done" })).toMatchObject({ keyResult: { kind: "milestone", done: true } });
  });

  test("every problem of a row is named in one message with its line", () => {
    expect(validateRow(7, { id: "", type: "task", title: "", status: "open", due: "soon" })).toEqual({
      line: 7,
      message: 'Id is empty; type "task" is not goal or key result; title is empty; status "open" is not one of draft, active, completed, missed, cancelled; due "soon" is not a date; write YYYY-MM-DD.',
    });
    expect(validateRow(8, { id: "g", type: "goal", title: "T" })).toMatchObject({ message: "A goal needs an owner (mail or user principal name); a goal needs a cycle (its name or id)." });
    expect(validateRow(9, { id: "k", type: "key result", title: "T", parent: "g", target: "x", krType: "sideways" })).toMatchObject({ line: 9, message: expect.stringMatching(/^Kr type "sideways" is not one of/) });
    expect(validateRow(10, { id: "k", type: "key result", title: "T", parent: "g" })).toMatchObject({ message: "A key result needs a target (or kr type milestone)." });
  });
});

describe("Viva Goals rows", () => {
  const headers = ["Id", "Title", "Owner", "Period", "End Date", "Aligned To (weight, Objective ID)", "Unit", "Target", "Object Type", "Start", "Progress %", "Actual Progress", "Status", "Score"];
  const recognised = recogniseSheet(headers, null);
  if (recognised.format !== "viva") throw new Error("not recognised");
  const read = (cells: unknown[]) => validateRow(2, readValues(recognised, cells as never));

  test("parents: the first of several, titles with brackets and slashes", () => {
    expect(readVivaParentIds("Grow (EMEA) / North(weight: 50%, Id: 4210001) / Other(weight: 50%, Id: 4210002)")).toEqual(["4210001", "4210002"]);
    expect(readVivaParentIds("")).toEqual([]);
  });

  test("an objective becomes a goal; closed with a low score is missed", () => {
    expect(read(["4210003", "Win EMEA", "Ada Lovelace, Bob Byte", "Q4 2026", "2026-12-31", "Company(weight: 100%, Id: 4210001)", "", "", "Objective", "", "40", "", "Closed", "0.4"])).toMatchObject({
      id: "viva:4210003", type: "goal", owner: "Ada Lovelace, Bob Byte", cycle: "Q4 2026", parent: "viva:4210001", status: "missed", due: "2026-12-31",
    });
  });

  test("a key result keeps its metric; an initiative becomes a milestone done when complete", () => {
    expect(read(["4210004", "Revenue", "Ada", "Q4 2026", "2026-12-31", "Win EMEA(weight: 100%, Id: 4210003)", "%", "100", "Key result", "0", "35", "35", "On Track", ""])).toMatchObject({
      type: "key result", parent: "viva:4210003", status: "active", keyResult: { kind: "number", start: 0, target: 100, current: 35, unit: "%" },
    });
    expect(read(["4210005", "Hire", "Ada", "Q4 2026", "", "Revenue(weight: 100%, Id: 4210004)", "", "", "Project", "", "100", "", "Closed", ""])).toMatchObject({
      type: "key result", parent: "viva:4210004", keyResult: { kind: "milestone", done: true },
    });
    expect(readVivaRow({ id: 0, objectType: 1 }, ["", "Objective"]).id).toBe("");
  });
});
