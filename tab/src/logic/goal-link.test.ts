import { describe, expect, it } from "vitest";
import { english } from "../../../test/support/tab-translator.js";
import { ApiError } from "../api/client.js";
import { buildGoalUrl, chooseViewForGoal, describeGoalLoadFailure, describeGoalRelation, readGoalLink } from "./goal-link.js";

describe("readGoalLink", () => {
  it("reads the goal from the web address", () => {
    expect(readGoalLink("?view=my-goals&goal=g-42", null)).toBe("g-42");
  });

  it("reads goal ids of every form the API makes: ids that name their owner and older UUIDs", () => {
    for (const id of ["ooUvDhXTlSsSLv2IrzfuG2w.Pu7AfinLR9-lqiND8G65OQ", "pcDAwMDEyMw.AAAAewAAQACAAAAAAAAAAg", "0f8fad5b-d9cb-469f-a165-70867728950e"]) {
      expect(readGoalLink(`?goal=${id}`, null)).toBe(id);
      expect(readGoalLink("", id)).toBe(id);
    }
  });

  it("prefers the Teams sub-page id, where Teams deep links put the goal", () => {
    expect(readGoalLink("?view=my-goals&inTeams=1", "g-7")).toBe("g-7");
    expect(readGoalLink("?goal=g-web", "g-teams")).toBe("g-teams");
  });

  it("falls back to the address when the sub-page id is empty", () => {
    expect(readGoalLink("?goal=g-web", "")).toBe("g-web");
    expect(readGoalLink("?goal=g-web", "  ")).toBe("g-web");
  });

  it("ignores what cannot be a goal id", () => {
    expect(readGoalLink("", null)).toBeNull();
    expect(readGoalLink("?goal=", undefined)).toBeNull();
    expect(readGoalLink("?goal=../admin", null)).toBeNull();
    expect(readGoalLink(`?goal=${"a".repeat(65)}`, null)).toBeNull();
    expect(readGoalLink("", "{\"x\":1}")).toBeNull();
  });
});

describe("buildGoalUrl", () => {
  it("sets and removes the goal, keeping the view and other parameters", () => {
    expect(buildGoalUrl("http://localhost:7071/?view=team&cycle=c-1", "g-1")).toBe("/?view=team&cycle=c-1&goal=g-1");
    expect(buildGoalUrl("http://localhost:7071/?view=team&goal=g-1&cycle=c-1#top", null)).toBe("/?view=team&cycle=c-1#top");
  });

  it("replaces a goal already in the address", () => {
    expect(buildGoalUrl("http://localhost/?goal=g-1", "g-2")).toBe("/?goal=g-2");
  });
});

describe("where a linked goal lands", () => {
  it("knows the caller's own goals, their reports' goals at any depth, and anyone else's", () => {
    expect(describeGoalRelation("p-me", "p-me", [])).toBe("own");
    expect(describeGoalRelation("p-report", "p-me", ["p-lead", "p-me", "p-ceo"])).toBe("manages");
    expect(describeGoalRelation("p-peer", "p-me", ["p-lead"])).toBe("other");
  });

  it("moves a My goals link to Team or Organisation when the goal is not the caller's", () => {
    expect(chooseViewForGoal("my-goals", "own")).toBe("my-goals");
    expect(chooseViewForGoal("my-goals", "manages")).toBe("team");
    expect(chooseViewForGoal("my-goals", "other")).toBe("organisation");
  });

  it("leaves links to any other page where they point", () => {
    expect(chooseViewForGoal("approvals", "manages")).toBe("approvals");
    expect(chooseViewForGoal("dashboard", "other")).toBe("dashboard");
  });
});

describe("describeGoalLoadFailure", () => {
  const failure = (status: number, detail?: string) => new ApiError({ title: "Problem", status, detail });

  it("explains a missing or private goal without offering a retry", () => {
    for (const status of [404, 400]) {
      const result = describeGoalLoadFailure(failure(status), english);
      expect(result.title).toBe("This goal could not be found");
      expect(result.canRetry).toBe(false);
    }
  });

  it("explains a refusal in the person's words rather than the server's", () => {
    expect(describeGoalLoadFailure(failure(403, "Only managers may see this."), english)).toEqual({
      title: "You cannot open this goal",
      detail: "It is shared only with its owner and their managers.",
      canRetry: false,
    });
  });

  it("offers a retry when the failure may pass", () => {
    const result = describeGoalLoadFailure(new ApiError({ title: "Cannot reach Cascade", status: 0, code: "network" }), english);
    expect(result).toEqual({ title: "The goal could not be loaded", detail: "Cascade cannot be reached. Check your connection and try again.", canRetry: true });
  });
});
