import { describe, expect, it } from "vitest";
import { findNodes } from "../../test/support/card-test-data.js";
import { buildCloseOutCard, buildCloseOutDoneCard } from "./close-out-card.js";
import { closeOutInputIds, parseCloseOutInputs } from "./close-out-inputs.js";
import { createCardIntl } from "./i18n/card-intl.js";
import { SUPPORTED_LOCALES } from "./i18n/locales.js";
import { collectCardWarnings } from "./validate.js";
import type { CloseOutGoalView } from "./types.js";
import { VERBS } from "./verbs.js";

const en = createCardIntl("en");
const goal = (overrides: Partial<CloseOutGoalView> = {}): CloseOutGoalView => ({ goalId: "g-1", version: "v-1", title: "Cut checkout time", progress: 0.62, suggestedScore: 62, closeOut: null, goalUrl: "https://example.test/goal", ...overrides });

describe("the close-out card", () => {
  it("asks for a score prefilled from progress, an outcome and a reflection, each labelled, required and saying what to fix", () => {
    const card = buildCloseOutCard({ personName: "Ana", cycleName: "Q1 2027", goals: [goal()], goalsUrl: "https://example.test/" }, en);
    expect(collectCardWarnings(card)).toEqual([]);
    const inputs = findNodes(card, (node) => typeof node.type === "string" && node.type.startsWith("Input."));
    expect(inputs.map((i) => i.id)).toEqual([closeOutInputIds.score("g-1"), closeOutInputIds.outcome("g-1"), closeOutInputIds.reflection("g-1")]);
    for (const input of inputs) expect(input).toMatchObject({ label: expect.any(String), isRequired: true, errorMessage: expect.any(String) });
    expect(inputs[0]).toMatchObject({ type: "Input.Number", value: 62, min: 0, max: 100 });
    expect((inputs[1]!.choices as Array<{ value: string }>).map((c) => c.value)).toEqual(["achieved", "partly", "missed"]);
    const [action] = findNodes(card, (node) => node.type === "Action.Execute");
    expect(action).toMatchObject({ verb: VERBS.submitCloseOut, data: { goalId: "g-1", version: "v-1" } });
  });

  it("starts from the close-out already given, and reads in every language", () => {
    for (const locale of SUPPORTED_LOCALES) {
      const card = buildCloseOutCard({ personName: "Ana", cycleName: "Q1", goals: [goal({ closeOut: { score: 40, outcome: "partly", reflection: "Late start." } })], goalsUrl: "https://example.test/" }, createCardIntl(locale));
      expect(collectCardWarnings(card)).toEqual([]);
      const values = findNodes(card, (node) => typeof node.id === "string" && node.id.startsWith("g-1.closeOut")).map((n) => n.value);
      expect(values).toEqual([40, "partly", "Late start."]);
    }
    const done = buildCloseOutDoneCard({ goalTitle: "Cut checkout time", cycleName: "Q1", score: 40, outcome: "partly", reflection: "Late start." }, en);
    expect(JSON.stringify(done)).toContain("Partly achieved");
  });

  it("parses the submitted form into the close-out body and refuses what the API would refuse", () => {
    const data = { [closeOutInputIds.score("g-1")]: "70", [closeOutInputIds.outcome("g-1")]: "achieved", [closeOutInputIds.reflection("g-1")]: "  Shipped. " };
    expect(parseCloseOutInputs("g-1", data, en)).toEqual({ ok: true, value: { score: 70, outcome: "achieved", reflection: "Shipped." } });
    const bad = parseCloseOutInputs("g-1", { [closeOutInputIds.score("g-1")]: "101", [closeOutInputIds.outcome("g-1")]: "great", [closeOutInputIds.reflection("g-1")]: " " }, en);
    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : bad.errors.map((e) => e.inputId)).toEqual([closeOutInputIds.score("g-1"), closeOutInputIds.outcome("g-1"), closeOutInputIds.reflection("g-1")]);
    expect(parseCloseOutInputs("g-1", { ...data, [closeOutInputIds.score("g-1")]: "7.5" }, en).ok).toBe(false);
  });
});
