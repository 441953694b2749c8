import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Person } from "./types.js";
import { walkManagerChain, walkSubtree, type TeamMember } from "./org-walk.js";

const person = (id: string, managerId: string | null): Person => ({ id, displayName: id, mail: null, jobTitle: null, department: null, managerId, accountEnabled: true, updatedAt: "t" });

function directory(managers: Record<string, string | null>) {
  const people = new Map(Object.entries(managers).map(([id, m]) => [id, person(id, m)]));
  const getPerson = async (id: string) => people.get(id) ?? null;
  const listReports = async (ids: string[]) => {
    const teams = new Map<string, TeamMember[]>();
    for (const id of ids) {
      const team = [...people.values()].filter((p) => p.managerId === id && p.id !== id);
      teams.set(id, team.map((p) => ({ person: p, hasReports: [...people.values()].some((q) => q.managerId === p.id && q.id !== p.id) })));
    }
    return teams;
  };
  return { getPerson, listReports };
}

describe("manager chain", () => {
  test("nearest manager first, up to the root", async () => {
    const { getPerson } = directory({ ceo: null, vp: "ceo", lead: "vp", dev: "lead" });
    expect((await walkManagerChain("dev", getPerson)).map((p) => p.id)).toEqual(["lead", "vp", "ceo"]);
  });

  test("a cycle, a self-manager or a missing manager ends the chain", async () => {
    const { getPerson } = directory({ a: "b", b: "c", c: "a", self: "self", orphan: "ghost", below: "orphan" });
    expect((await walkManagerChain("a", getPerson)).map((p) => p.id)).toEqual(["b", "c"]);
    expect(await walkManagerChain("self", getPerson)).toEqual([]);
    expect((await walkManagerChain("below", getPerson)).map((p) => p.id)).toEqual(["orphan"]);
    expect(await walkManagerChain("nobody", getPerson)).toEqual([]);
  });

  test("terminates without repeats for any manager graph", async () => {
    const ids = ["p0", "p1", "p2", "p3", "p4", "p5"];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(fc.constantFrom(...ids, "ghost"), { nil: null }), { minLength: 6, maxLength: 6 }), async (targets) => {
        const { getPerson, listReports } = directory(Object.fromEntries(ids.map((id, i) => [id, targets[i]!])));
        for (const id of ids) {
          const chain = (await walkManagerChain(id, getPerson)).map((p) => p.id);
          expect(new Set(chain).size).toBe(chain.length);
          expect(chain).not.toContain(id);
          const below = (await walkSubtree(id, listReports)).map((p) => p.id);
          expect(new Set(below).size).toBe(below.length);
          expect(below).not.toContain(id);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("subtree", () => {
  test("everyone below, level by level, reading only managers", async () => {
    const { listReports } = directory({ ceo: null, vp: "ceo", lead: "vp", dev1: "lead", dev2: "lead", other: "ceo" });
    const asked: string[][] = [];
    const below = await walkSubtree("vp", async (ids) => {
      asked.push(ids);
      return listReports(ids);
    });
    expect(below.map((p) => p.id)).toEqual(["lead", "dev1", "dev2"]);
    expect(asked).toEqual([["vp"], ["lead"]]);
  });
});
