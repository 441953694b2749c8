import { describe, expect, it } from "vitest";
import { buildDevUser } from "../../../test/support/tab-builders.js";
import { groupPeopleByDepartment, matchesPerson, NO_DEPARTMENT } from "./people.js";

const people = [
  buildDevUser({ id: "1", displayName: "Zoë Berg", jobTitle: "Engineer", department: "Engineering" }),
  buildDevUser({ id: "2", displayName: "Adam Khan", jobTitle: "Account executive", department: "Sales" }),
  buildDevUser({ id: "3", displayName: "Bea Novak", jobTitle: "Head of Engineering", department: "Engineering" }),
  buildDevUser({ id: "4", displayName: "Cleo Ray", jobTitle: null, department: null }),
];

describe("people picker logic", () => {
  it("groups by department, sorted, with people without one last", () => {
    const groups = groupPeopleByDepartment(people);
    expect(groups.map((group) => group.department)).toEqual(["Engineering", "Sales", NO_DEPARTMENT]);
    expect(groups[0]?.people.map((person) => person.displayName)).toEqual(["Bea Novak", "Zoë Berg"]);
  });

  it("matches every word across name, job and department, ignoring accents and case", () => {
    expect(matchesPerson(people[0]!, "zoe")).toBe(true);
    expect(matchesPerson(people[2]!, "head engin")).toBe(true);
    expect(matchesPerson(people[1]!, "sales adam")).toBe(true);
    expect(matchesPerson(people[1]!, "sales bea")).toBe(false);
    expect(groupPeopleByDepartment(people, "engineer").flatMap((group) => group.people.map((person) => person.id))).toEqual(["3", "1"]);
  });

  it("returns no groups when nobody matches", () => {
    expect(groupPeopleByDepartment(people, "nobody")).toEqual([]);
  });
});
