import { describe, expect, it } from "vitest";
import { AppError } from "../domain/errors.js";
import { isPersonalConversation, parseActivity, readInvokeAction, readSender } from "./activity.js";

const TENANT = "11111111-2222-4333-8444-555555555555";
const USER = "AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE";

function buildActivity(overrides: Record<string, unknown> = {}) {
  return {
    type: "invoke",
    name: "adaptiveCard/action",
    from: { id: "29:abc", aadObjectId: USER, name: "Maya" },
    recipient: { id: "28:bot" },
    conversation: { id: "a:1", conversationType: "personal", tenantId: TENANT },
    value: { action: { type: "Action.Execute", verb: "goal.approve", data: { goalId: "g1", version: "v1" } } },
    ...overrides,
  };
}

describe("parseActivity", () => {
  it("keeps the fields Cascade reads and the rest of the activity", () => {
    const activity = parseActivity(JSON.stringify({ ...buildActivity(), locale: "en-GB" }));
    expect(activity.from.aadObjectId).toBe(USER);
    expect((activity as Record<string, unknown>).locale).toBe("en-GB");
  });

  it("refuses what is not JSON or not an activity", () => {
    expect(() => parseActivity("{")).toThrow(AppError);
    expect(() => parseActivity(JSON.stringify({ type: "message" }))).toThrow(/not an activity/);
  });
});

describe("readSender", () => {
  it("names the sender by tenant and lower-cased Entra object id", () => {
    expect(readSender(parseActivity(JSON.stringify(buildActivity())), [TENANT])).toEqual({ tenantId: TENANT, userId: USER.toLowerCase(), name: "Maya", roles: [] });
  });

  it("reads the tenant from channelData when the conversation has none", () => {
    const activity = buildActivity({ conversation: { id: "a:1", conversationType: "personal" }, channelData: { tenant: { id: TENANT } } });
    expect(readSender(parseActivity(JSON.stringify(activity)), [TENANT])?.tenantId).toBe(TENANT);
  });

  it("knows nobody from a tenant it does not serve, or without an Entra id", () => {
    expect(readSender(parseActivity(JSON.stringify(buildActivity())), ["99999999-2222-4333-8444-555555555555"])).toBeNull();
    expect(readSender(parseActivity(JSON.stringify(buildActivity({ from: { id: "29:abc" } }))), [TENANT])).toBeNull();
  });
});

describe("readInvokeAction", () => {
  it("reads the verb and data of an Action.Execute", () => {
    expect(readInvokeAction(parseActivity(JSON.stringify(buildActivity())))).toEqual({ verb: "goal.approve", data: { goalId: "g1", version: "v1" } });
  });

  it("is null without a verb", () => {
    expect(readInvokeAction(parseActivity(JSON.stringify(buildActivity({ value: { action: { type: "Action.Execute" } } }))))).toBeNull();
  });
});

it("tells a personal chat from a group chat", () => {
  expect(isPersonalConversation(parseActivity(JSON.stringify(buildActivity())))).toBe(true);
  expect(isPersonalConversation(parseActivity(JSON.stringify(buildActivity({ conversation: { id: "19:x", conversationType: "groupChat", tenantId: TENANT } }))))).toBe(false);
});
