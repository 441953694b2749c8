import { describe, expect, test } from "vitest";
import { walkManagerChain } from "../domain/org-walk.js";
import { DEMO_ADMIN_IDS, DEMO_PEOPLE, DEMO_TENANT_ID } from "./demo-org.js";
import { seedDemoDirectory } from "./demo-directory.js";
import type { Person } from "../domain/types.js";

const byId = new Map(DEMO_PEOPLE.map((p) => [p.id, p]));
const getPerson = async (id: string) => byId.get(id) ?? null;

describe("demo organisation", () => {
  test("fifty people with unique ids and mail addresses under one chief executive", () => {
    expect(DEMO_PEOPLE).toHaveLength(50);
    expect(new Set(DEMO_PEOPLE.map((p) => p.id)).size).toBe(50);
    expect(new Set(DEMO_PEOPLE.map((p) => p.mail)).size).toBe(50);
    for (const p of DEMO_PEOPLE) expect(p.mail).toMatch(/^[a-z]+\.[a-z]+@contoso\.example$/);
    const roots = DEMO_PEOPLE.filter((p) => p.managerId === null);
    expect(roots.map((p) => p.jobTitle)).toEqual(["Chief Executive Officer"]);
    for (const p of DEMO_PEOPLE) if (p.managerId) expect(byId.has(p.managerId)).toBe(true);
    expect(DEMO_TENANT_ID).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("five levels deep, with executives over the departments the demo goals use", async () => {
    const depths = await Promise.all(DEMO_PEOPLE.map(async (p) => (await walkManagerChain(p.id, getPerson)).length));
    expect(Math.max(...depths)).toBe(4);
    const executives = DEMO_PEOPLE.filter((p) => depths[DEMO_PEOPLE.indexOf(p)] === 1 && p.jobTitle?.startsWith("Chief"));
    expect(new Set(executives.map((p) => p.department))).toEqual(new Set(["Engineering", "Product", "Sales", "Marketing", "Finance", "Operations", "People"]));
  });

  test("admins are demo people; seeding writes the whole organisation", async () => {
    for (const id of DEMO_ADMIN_IDS) expect(byId.has(id)).toBe(true);
    const written: Person[][] = [];
    await seedDemoDirectory({ upsertPeople: async (_t, people) => void written.push(people), removePeople: async () => undefined }, DEMO_TENANT_ID);
    expect(written).toEqual([DEMO_PEOPLE]);
  });
});
