import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Person } from "./types.js";
import { walkManagerChain, walkSubtree, walkSubtreePage, type SubtreePosition, type TeamMember } from "./org-walk.js";

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

describe("subtree, a page at a time", () => {
  async function allPages(managers: Record<string, string | null>, rootId: string, limit: number) {
    const { listReports } = directory(managers);
    const pages: Array<{ ids: string[]; levels: number[]; asked: number }> = [];
    let from: SubtreePosition | null = null;
    do {
      let asked = 0;
      const page = await walkSubtreePage(rootId, from, limit, async (ids) => ((asked += ids.length), listReports(ids)));
      expect(page).not.toBeNull();
      pages.push({ ids: page!.people.map((p) => p.person.id), levels: page!.people.map((p) => p.level), asked });
      from = page!.next;
    } while (from && pages.length < 1000);
    return pages;
  }

  test("each manager before their reports; the pages join into everyone below, once each, whatever the page size", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(40), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 7 }), async (parents, limit) => {
        // Person i reports to someone before them (a tree rooted at p0), or to themselves or a later person (a cycle).
        const managers: Record<string, string | null> = { p0: null };
        parents.forEach((parent, i) => (managers[`p${i + 1}`] = `p${parent % (i + 2)}`));
        const pages = await allPages(managers, "p0", limit);
        const listed = pages.flatMap((page) => page.ids);
        const expected = (await walkSubtree("p0", directory(managers).listReports)).map((p) => p.id);
        expect([...listed].sort()).toEqual([...expected].sort());
        expect(new Set(listed).size).toBe(listed.length);
        const position = new Map(listed.map((id, i) => [id, i]));
        for (const id of listed) if (managers[id] !== "p0") expect(position.get(managers[id]!)!).toBeLessThan(position.get(id)!);
        for (const page of pages.slice(0, -1)) expect(page.ids.length).toBe(limit);
        // A page reads the teams on its path and of the managers it lists: never more than depth + limit.
        for (const page of pages) expect(page.asked).toBeLessThanOrEqual(64 + limit);
      }),
      { numRuns: 60 },
    );
  });

  test("levels count from the root, and a position that is not a path below the root is refused", async () => {
    const managers = { ceo: null, vp: "ceo", lead: "vp", dev: "lead", other: "ceo" };
    const pages = await allPages(managers, "ceo", 2);
    // The fake lists each team in the order its people were added: the ceo's is vp, then other.
    expect(pages.map((p) => p.ids)).toEqual([["vp", "lead"], ["dev", "other"]]);
    expect(pages.flatMap((p) => p.levels)).toEqual([1, 2, 3, 1]);
    const { listReports } = directory(managers);
    expect(await walkSubtreePage("vp", [["ceo", 0]], 2, listReports)).toBeNull();
    expect(await walkSubtreePage("ceo", [["ceo", 2], ["other", 0]], 2, listReports)).toBeNull();
    expect(await walkSubtreePage("ceo", [["ceo", 9]], 2, listReports)).toBeNull();
    expect(await walkSubtreePage("ceo", [["ceo", 1], ["vp", 0]], 2, listReports)).toEqual({ people: [{ person: expect.objectContaining({ id: "lead" }), level: 2 }, { person: expect.objectContaining({ id: "dev" }), level: 3 }], next: [["ceo", 1]] });
  });
});
