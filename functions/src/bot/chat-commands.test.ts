import { describe, expect, it } from "vitest";
import { BOT_COMMANDS } from "../../../cards/src/index.js";
import type { Cycle } from "../domain/types.js";
import { isPrivateCommand, normaliseCommandText, parseChatCommand } from "./chat-commands.js";
import { pickCurrentCycle } from "./command-cards.js";

describe("parseChatCommand", () => {
  it.each([
    ["my goals", BOT_COMMANDS.myGoals],
    ["My Goals", BOT_COMMANDS.myGoals],
    ["  MY GOALS?! ", BOT_COMMANDS.myGoals],
    ["my   goals\n", BOT_COMMANDS.myGoals],
    ["my-goals", BOT_COMMANDS.myGoals],
    ["pending approvals", BOT_COMMANDS.pendingApprovals],
    ["Pending approvals.", BOT_COMMANDS.pendingApprovals],
    ["help", BOT_COMMANDS.help],
    ["Help!", BOT_COMMANDS.help],
  ])("reads %j as %j", (text, command) => {
    expect(parseChatCommand(text)).toBe(command);
  });

  it("ignores the bot's @mention in a team, wherever it sits", () => {
    expect(parseChatCommand("<at>Cascade</at> my goals")).toBe(BOT_COMMANDS.myGoals);
    expect(parseChatCommand("<at>Cascade Goals</at>&nbsp;pending approvals\n")).toBe(BOT_COMMANDS.pendingApprovals);
    expect(parseChatCommand("help <at>Cascade</at>")).toBe(BOT_COMMANDS.help);
    expect(parseChatCommand('<p><at id="0">Cascade</at> My goals</p>')).toBe(BOT_COMMANDS.myGoals);
  });

  it("does not take the mentioned name for a command", () => {
    expect(parseChatCommand("<at>Help</at>")).toBeNull();
  });

  it.each([["goals"], ["my goals please"], ["show my goals"], [""], ["   "], ["?"], [null], [undefined]])("knows no command in %j", (text) => {
    expect(parseChatCommand(text)).toBeNull();
  });

  it("does not treat long messages as commands", () => {
    expect(parseChatCommand(`my goals${" ".repeat(300)}`)).toBeNull();
  });

  it("normalises text to lower-case words separated by single spaces", () => {
    expect(normaliseCommandText("  Ünïcode_Goals &amp; MORE… ")).toBe("ünïcode goals more");
  });
});

it("keeps answers with goals out of shared conversations, but not help", () => {
  expect(isPrivateCommand(BOT_COMMANDS.myGoals)).toBe(true);
  expect(isPrivateCommand(BOT_COMMANDS.pendingApprovals)).toBe(true);
  expect(isPrivateCommand(BOT_COMMANDS.help)).toBe(false);
});

describe("pickCurrentCycle", () => {
  const buildCycle = (id: string, startDate: string, endDate: string, status: Cycle["status"] = "open"): Cycle => ({ tenantId: "t", id, name: id, startDate, endDate, status });
  const q1 = buildCycle("q1", "2027-01-01", "2027-03-31", "closed");
  const q2 = buildCycle("q2", "2027-04-01", "2027-06-30");
  const q3 = buildCycle("q3", "2027-07-01", "2027-09-30");

  it("picks the cycle running today, whatever its status", () => {
    expect(pickCurrentCycle([q2, q1, q3], "2027-02-10")?.id).toBe("q1");
    expect(pickCurrentCycle([q2, q1, q3], "2027-06-30")?.id).toBe("q2");
  });

  it("falls back to the latest open cycle, then to the latest of all", () => {
    expect(pickCurrentCycle([q1, q2, q3], "2028-01-01")?.id).toBe("q3");
    expect(pickCurrentCycle([q1], "2028-01-01")?.id).toBe("q1");
  });

  it("has nothing to pick without cycles", () => {
    expect(pickCurrentCycle([], "2027-01-01")).toBeNull();
  });
});
