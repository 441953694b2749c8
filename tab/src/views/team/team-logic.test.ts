import { describe, expect, test } from "vitest";
import { english } from "../../../../test/support/tab-translator.js";
import type { ReportEntry } from "../../api/use-people.js";
import { listNewOwners, MY_TEAM, openTeam } from "./team-logic.js";

describe("openTeam", () => {
  test("drilling down adds a step; opening one on the path goes back to it", () => {
    const path = openTeam(openTeam([MY_TEAM], { id: "a", label: "A" }), { id: "b", label: "B" });
    expect(path.map((c) => c.id)).toEqual(["me", "a", "b"]);
    expect(openTeam(path, { id: "a", label: "A" }).map((c) => c.id)).toEqual(["me", "a"]);
    expect(openTeam(path, MY_TEAM)).toEqual([MY_TEAM]);
  });
});

describe("listNewOwners", () => {
  const entry = (id: string, displayName: string, isEnabled = true): ReportEntry => ({ id, displayName, jobTitle: null, mail: null, department: null, managerId: "m", isEnabled, level: 1 });

  test("the caller first, then enabled people by name, without the leaver", () => {
    const choices = listNewOwners({ id: "m", displayName: "Maya" }, [entry("z", "Zoe"), entry("gone", "Gone"), entry("off", "Off", false), entry("a", "Abe")], "gone", english);
    expect(choices).toEqual([
      { id: "m", label: "Maya (you)" },
      { id: "a", label: "Abe" },
      { id: "z", label: "Zoe" },
    ]);
  });
});
