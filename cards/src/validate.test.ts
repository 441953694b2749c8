import { describe, expect, it } from "vitest";
import { buildMessageCard } from "./message-card.js";
import { collectCardWarnings } from "../../test/support/card-validate.js";

function withBody(body: unknown[], extra: Record<string, unknown> = {}) {
  return { type: "AdaptiveCard", version: "1.5", body, ...extra };
}

const execute = { type: "Action.Execute", title: "Go", verb: "goal.approve", data: { goalId: "g" } };

describe("collectCardWarnings", () => {
  it("accepts a clean card", () => {
    expect(collectCardWarnings(buildMessageCard({ tone: "info", text: "Hello" }))).toEqual([]);
  });

  it("rejects something that is not a card, or a card of another version", () => {
    expect(collectCardWarnings({ type: "Message" })).toEqual(["Not an AdaptiveCard object"]);
    expect(collectCardWarnings(withBody([{ type: "TextBlock", text: "x" }], { version: "1.6" }))).toContainEqual(
      expect.stringContaining("expected 1.5"),
    );
  });

  it("reports unknown elements, misspelt properties and duplicate ids", () => {
    const warnings = collectCardWarnings(
      withBody([
        { type: "Widget" },
        { type: "TextBlock", text: "x", wrapp: true },
        { type: "Input.Text", id: "a", label: "A" },
        { type: "Input.Text", id: "a", label: "B" },
      ]),
    );
    expect(warnings).toContainEqual(expect.stringContaining("UnknownElementType"));
    expect(warnings).toContainEqual(expect.stringContaining("card.body[1].wrapp"));
    expect(warnings).toContainEqual(expect.stringContaining("DuplicateId"));
  });

  it("reports required inputs without a label or an error message", () => {
    const warnings = collectCardWarnings(withBody([{ type: "Input.Text", id: "a", isRequired: true }]));
    expect(warnings).toContainEqual(expect.stringContaining("RequiredInputsShouldHaveLabel"));
    expect(warnings).toContainEqual(expect.stringContaining("RequiredInputsShouldHaveErrorMessage"));
  });

  it("reports an Action.Execute without a fallback, and checks the fallback itself", () => {
    const noFallback = collectCardWarnings(withBody([], { body: [{ type: "TextBlock", text: "x" }], actions: [execute] }));
    expect(noFallback).toContainEqual(expect.stringContaining("without an Action.Submit fallback"));
    const badFallback = { ...execute, fallback: { type: "Action.Submit", title: "Go", dataa: {} } };
    const warnings = collectCardWarnings(withBody([{ type: "TextBlock", text: "x" }], { actions: [badFallback] }));
    expect(warnings).toContainEqual(expect.stringContaining("In a fallback: Dropped property"));
  });

  it("reports a refresh without userIds or with too many", () => {
    const refresh = (userIds: unknown) => ({ refresh: { action: { type: "Action.Execute", verb: "goal.refresh" }, userIds } });
    const text = [{ type: "TextBlock", text: "x" }];
    expect(collectCardWarnings(withBody(text, refresh(undefined)))).toContainEqual(expect.stringContaining("userIds"));
    const many = Array.from({ length: 61 }, (_, index) => `29:${index}`);
    expect(collectCardWarnings(withBody(text, refresh(many)))).toContainEqual(expect.stringContaining("more than 60"));
  });

  it("reports a card too large for a Teams message", () => {
    const text = [{ type: "TextBlock", text: "x".repeat(30_000) }];
    expect(collectCardWarnings(withBody(text))).toContainEqual(expect.stringContaining("byte budget"));
  });
});
