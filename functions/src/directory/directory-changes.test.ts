import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Person } from "../domain/types.js";
import { diffPeople, findAnomalies } from "./directory-changes.js";

const person = (id: string, managerId: string | null, accountEnabled = true): Person => ({ id, displayName: id, mail: null, jobTitle: null, department: null, managerId, accountEnabled, updatedAt: "t" });

describe("directory changes for the goal side", () => {
  test("manager moves, leavers and disabled accounts; hires and edits are not changes", () => {
    const changes = diffPeople(
      new Map([
        ["mover", { before: person("mover", "a"), after: person("mover", "b") }],
        ["leaver", { before: person("leaver", "a"), after: null }],
        ["disabled", { before: person("disabled", "b"), after: person("disabled", "b", false) }],
        ["hire", { before: null, after: person("hire", "a") }],
        ["edit", { before: person("edit", "a"), after: { ...person("edit", "a"), jobTitle: "New" } }],
        ["gone-already", { before: person("gone-already", "a", false), after: null }],
      ]),
    );
    expect(changes).toEqual([
      { kind: "manager_changed", personId: "mover", fromManagerId: "a", toManagerId: "b" },
      { kind: "left", personId: "leaver", formerManagerId: "a" },
      { kind: "left", personId: "disabled", formerManagerId: "b" },
    ]);
  });
});

describe("anomalies", () => {
  test("reports a self-manager, a missing manager and each cycle once", () => {
    const managers = new Map<string, string | null>([
      ["root", null],
      ["self", "self"],
      ["orphan", "ghost"],
      ["a", "b"],
      ["b", "c"],
      ["c", "a"],
      ["below", "a"],
    ]);
    const found = findAnomalies(managers.keys(), (id) => managers.get(id));
    expect(found).toEqual([
      { kind: "self_manager", personId: "self", managerId: "self" },
      { kind: "missing_manager", personId: "orphan", managerId: "ghost" },
      { kind: "manager_cycle", personId: "a", managerId: "b", cycle: ["a", "b", "c"] },
    ]);
  });

  test("never loops and finds every cycle in random manager graphs", () => {
    const ids = ["p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7"];
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom(...ids, "ghost"), { nil: null }), { minLength: 8, maxLength: 8 }), (targets) => {
        const managers = new Map(ids.map((id, i) => [id, targets[i]!]));
        const found = findAnomalies(ids, (id) => managers.get(id));
        const onCycle = (id: string) => {
          const seen = new Set<string>();
          let cur: string | null | undefined = managers.get(id);
          while (cur && managers.has(cur) && !seen.has(cur) && cur !== id) {
            seen.add(cur);
            cur = managers.get(cur);
          }
          return cur === id && managers.get(id) !== id;
        };
        const cycleMembers = new Set(found.filter((a) => a.kind === "manager_cycle").flatMap((a) => a.cycle!));
        for (const id of ids) expect(cycleMembers.has(id)).toBe(onCycle(id));
        expect(found.filter((a) => a.kind === "self_manager").map((a) => a.personId).sort()).toEqual(ids.filter((id) => managers.get(id) === id));
      }),
      { numRuns: 500 },
    );
  });
});
