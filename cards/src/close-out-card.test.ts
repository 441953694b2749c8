import { describe, expect, it } from "vitest";
import { findNodes } from "../../test/support/card-test-data.js";
import { buildCloseOutCard, buildCloseOutDoneCard } from "./close-out-card.js";
import { closeOutInputIds, parseCloseOutInputs } from "./close-out-inputs.js";
import { createCardIntl } from "./i18n/card-intl.js";
import { SUPPORTED_LOCALES } from "./i18n/locales.js";
import { collectCardWarnings } from "../../test/support/card-validate.js";
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

  it("keeps itself current for its owner: a refresh for them names the cycle and the card's goals", () => {
    const card = buildCloseOutCard({ personName: "Ana", cycleName: "Q1", goals: [goal()], goalsUrl: "https://example.test/", refresh: { cycleId: "q1", ownerUserId: "29:ana" } }, en);
    expect(collectCardWarnings(card)).toEqual([]);
    expect(card.refresh).toEqual({ action: { type: "Action.Execute", verb: VERBS.refreshCloseOut, data: { cycleId: "q1", goalIds: ["g-1"] } }, userIds: ["29:ana"] });
    expect(buildCloseOutCard({ personName: "Ana", cycleName: "Q1", goals: [goal()], goalsUrl: "https://example.test/" }, en).refresh).toBeUndefined();
  });

  it("shows the goals already closed out as receipts, without their forms, above the forms still to fill", () => {
    const done = { goalId: "g-2", goalTitle: "Ship the basket", cycleName: "Q1", score: 80, outcome: "achieved" as const, reflection: "Done early." };
    const card = buildCloseOutCard({ personName: "Ana", cycleName: "Q1", goals: [goal()], done: [done], goalsUrl: "https://example.test/", refresh: { cycleId: "q1", ownerUserId: "29:ana" } }, en);
    expect(collectCardWarnings(card)).toEqual([]);
    const text = JSON.stringify(card.body);
    expect(text.indexOf(en.t("closeOut.doneHeading", { cycle: "Q1" }))).toBeLessThan(text.indexOf(closeOutInputIds.score("g-1")));
    expect(text).not.toContain(closeOutInputIds.score("g-2"));
    expect(card.refresh?.action.data).toEqual({ cycleId: "q1", goalIds: ["g-2", "g-1"] });
    const onlyDone = buildCloseOutCard({ personName: "Ana", cycleName: "Q1", goals: [], done: [done], goalsUrl: "https://example.test/" }, en);
    expect(collectCardWarnings(onlyDone)).toEqual([]);
    expect(findNodes(onlyDone, (node) => typeof node.type === "string" && node.type.startsWith("Input."))).toEqual([]);
  });

  it("offers an unfinished goal to go on in the next cycle, in every language, and says so once it does", () => {
    const next = { cycleId: "q2", cycleName: "Q2 2027", isCarried: false };
    for (const locale of SUPPORTED_LOCALES) {
      const intl = createCardIntl(locale);
      const card = buildCloseOutCard({ personName: "Ana", cycleName: "Q1", goals: [goal({ carryOver: next })], goalsUrl: "https://example.test/" }, intl);
      expect(collectCardWarnings(card)).toEqual([]);
      const [carry] = findNodes(card, (node) => node.type === "Action.Execute" && node.verb === VERBS.carryOver);
      expect(carry).toMatchObject({ title: intl.t("closeOut.carryOver", { cycle: "Q2 2027" }), data: { goalId: "g-1", cycleId: "q2", goalIds: ["g-1"] }, associatedInputs: "none" });
    }
    const carried = buildCloseOutCard({ personName: "Ana", cycleName: "Q1", goals: [goal({ carryOver: { ...next, isCarried: true } })], goalsUrl: "https://example.test/" }, en);
    expect(findNodes(carried, (node) => node.type === "Action.Execute" && node.verb === VERBS.carryOver)).toEqual([]);
    expect(JSON.stringify(carried)).toContain(en.t("closeOut.carried", { cycle: "Q2 2027" }));
    const receipt = buildCloseOutCard({ personName: "Ana", cycleName: "Q1", goals: [], done: [{ goalId: "g-3", goalTitle: "Halfway", cycleName: "Q1", score: 40, outcome: "partly", reflection: "Late.", carryOver: next }], goalsUrl: "https://example.test/" }, en);
    expect(findNodes(receipt, (node) => node.type === "Action.Execute" && node.verb === VERBS.carryOver)).toMatchObject([{ data: { goalId: "g-3", cycleId: "q2" } }]);
    // Without a next cycle, nothing is offered.
    expect(findNodes(buildCloseOutCard({ personName: "Ana", cycleName: "Q1", goals: [goal()], goalsUrl: "https://example.test/" }, en), (node) => node.type === "Action.Execute" && node.verb === VERBS.carryOver)).toEqual([]);
  });

  it("with several goals, each form opens on its own, so sending one never asks for another's required fields", () => {
    const card = buildCloseOutCard({ personName: "Ana", cycleName: "Q1", goals: [goal(), goal({ goalId: "g-2", title: "Ship the basket" })], goalsUrl: "https://example.test/" }, en);
    expect(collectCardWarnings(card)).toEqual([]);
    const showCards = findNodes(card, (node) => node.type === "Action.ShowCard");
    expect(showCards.map((action) => action.title)).toEqual([en.t("closeOut.submit"), en.t("closeOut.submit")]);
    for (const [index, goalId] of ["g-1", "g-2"].entries()) {
      const inner = showCards[index]!.card as Record<string, unknown>;
      const ids = findNodes(inner, (node) => typeof node.type === "string" && node.type.startsWith("Input.")).map((input) => input.id);
      expect(ids).toEqual([closeOutInputIds.score(goalId), closeOutInputIds.outcome(goalId), closeOutInputIds.reflection(goalId)]);
      expect(findNodes(inner, (node) => node.type === "Action.Execute")).toMatchObject([{ verb: VERBS.submitCloseOut, title: en.t("closeOut.save"), data: { goalId } }]);
    }
    // Every input of the card is inside one of the two forms: none sits where both buttons would send it.
    expect(findNodes(card, (node) => typeof node.type === "string" && node.type.startsWith("Input."))).toHaveLength(6);
  });
});

