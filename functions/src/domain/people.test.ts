import { describe, expect, test } from "vitest";
import { buildTestPerson } from "../../../test/support/test-goals.js";
import { describeMe, MAX_SEARCH_RESULTS, searchPeople } from "./people.js";
import type { TenantPolicy } from "./goal-context.js";
import type { Person, Principal } from "./types.js";

const TENANT = "t1";
const people: Person[] = [
  buildTestPerson("ceo", null, { displayName: "Cora Ceo", jobTitle: "Chief Executive" }),
  buildTestPerson("ana", "ceo", { displayName: "Ana Berg", mail: "ana@contoso.test", department: "Sales" }),
  buildTestPerson("bo", "ana", { displayName: "Bo Berg", department: "Sales" }),
  buildTestPerson("cy", "ana", { displayName: "Cy Holm", department: "Finance" }),
];

function directoryOf(list: Person[]) {
  const byId = new Map(list.map((p) => [p.id, p]));
  return {
    getPerson: async (_t: string, id: string) => byId.get(id) ?? null,
    getManagerChain: async () => [],
    listDirectReports: async (_t: string, id: string) => list.filter((p) => p.managerId === id),
    listSubtree: async () => [],
    listTeams: async (_t: string, ids: string[]) => new Map(ids.map((id) => [id, list.filter((p) => p.managerId === id).map((person) => ({ person, hasReports: list.some((q) => q.managerId === person.id) }))])),
  };
}

const policy = (owners: string[] = []): { getPolicy: () => Promise<TenantPolicy> } => ({ getPolicy: async () => ({ isApprovalRequired: true, organisationGoalOwnerIds: owners, isProactiveInstallEnabled: false }) });
const caller = (userId: string, roles: string[] = []): Principal => ({ tenantId: TENANT, userId, name: `${userId} from the token`, roles });

describe("the caller's own description", () => {
  test("names their manager, counts their reports and says what they may do", async () => {
    const me = await describeMe(directoryOf(people), policy(), caller("ana"));
    expect(me).toMatchObject({ id: "ana", displayName: "Ana Berg", mail: "ana@contoso.test", department: "Sales", isInDirectory: true, reportsCount: 2, isAdmin: false, canSetTopLevel: false });
    expect(me.manager).toEqual({ id: "ceo", displayName: "Cora Ceo", jobTitle: "Chief Executive" });
  });

  test("the top of the org and named organisation-goal owners may set top-level goals", async () => {
    expect((await describeMe(directoryOf(people), policy(), caller("ceo"))).canSetTopLevel).toBe(true);
    expect((await describeMe(directoryOf(people), policy(["bo"]), caller("bo"))).canSetTopLevel).toBe(true);
  });

  test("someone the directory does not know yet keeps the token's name and no manager", async () => {
    const me = await describeMe(directoryOf(people), policy(), caller("new"));
    expect(me).toMatchObject({ displayName: "new from the token", isInDirectory: false, manager: null, reportsCount: 0, canSetTopLevel: false });
  });
});

describe("admins searching the directory", () => {
  const deps = (list: Person[]) => ({
    directory: directoryOf(list),
    listPeople: async function* () {
      yield* list;
    },
  });
  const admin = caller("ceo", ["Cascade.Admin"]);

  test("every word must match the name, mail, title or department; results are sorted by name", async () => {
    expect((await searchPeople(deps(people), admin, "berg")).map((p) => p.id)).toEqual(["ana", "bo"]);
    expect((await searchPeople(deps(people), admin, "  berg sales ana ")).map((p) => p.id)).toEqual(["ana"]);
    expect(await searchPeople(deps(people), admin, "nobody here")).toEqual([]);
  });

  test("an object id finds that person alone", async () => {
    expect(await searchPeople(deps(people), admin, "cy")).toEqual([{ id: "cy", displayName: "Cy Holm", jobTitle: null, department: "Finance", mail: null, isEnabled: true }]);
  });

  test("at most a page of results", async () => {
    const many = Array.from({ length: MAX_SEARCH_RESULTS + 5 }, (_, i) => buildTestPerson(`p${i}`, null, { displayName: `Sam ${i}` }));
    expect(await searchPeople(deps(many), admin, "sam")).toHaveLength(MAX_SEARCH_RESULTS);
  });

  test("too short or too long a query is bad input; someone who is not an admin is refused", async () => {
    await expect(searchPeople(deps(people), admin, " a ")).rejects.toMatchObject({ code: "validation_failed" });
    await expect(searchPeople(deps(people), admin, "x".repeat(101))).rejects.toMatchObject({ code: "validation_failed" });
    await expect(searchPeople(deps(people), caller("ana"), "berg")).rejects.toMatchObject({ code: "forbidden" });
  });
});
