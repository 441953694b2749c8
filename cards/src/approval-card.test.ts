import { describe, expect, it } from "vitest";
import { buildApprovalCard, buildStaleApprovalCard } from "./approval-card.js";
import { buildApprovalStatusCard } from "./approval-status-card.js";
import { COMMENT_INPUT_IDS, parseDecisionInputs } from "./decision-inputs.js";
import { buildApprovalGoalView, findByType, findNodes } from "../../test/support/card-test-data.js";
import { VERBS } from "./verbs.js";
import { createCardIntl } from "./i18n/card-intl.js";

const en = createCardIntl("en");

const approverUserId = "29:approver-mri";

describe("buildApprovalCard", () => {
  const goal = buildApprovalGoalView({ goalId: "g-7", version: "etag-42" });
  const card = buildApprovalCard({ goal, approverUserId }, en);

  it("refreshes only for the approver, with the goal and its version", () => {
    expect(card.refresh).toEqual({
      action: { type: "Action.Execute", verb: VERBS.refresh, data: { goalId: "g-7", version: "etag-42" } },
      userIds: [approverUserId],
    });
  });

  it("offers approve, request changes and reject, each carrying the goal and its version", () => {
    const executes = findByType({ body: card.body, actions: card.actions }, "Action.Execute");
    expect(executes.map((action) => action.verb)).toEqual([VERBS.approve, VERBS.requestChanges, VERBS.reject]);
    for (const action of executes) expect(action.data).toEqual({ goalId: "g-7", version: "etag-42" });
  });

  it.each([
    [VERBS.requestChanges, COMMENT_INPUT_IDS.requestChanges],
    [VERBS.reject, COMMENT_INPUT_IDS.reject],
  ])("requires a comment before %s can be sent", (verb, inputId) => {
    const showCard = findByType(card, "Action.ShowCard").find((node) =>
      findNodes(node, (child) => child.verb === verb).length > 0,
    );
    const [input] = findNodes(showCard, (node) => node.id === inputId);
    expect(input).toMatchObject({ type: "Input.Text", isRequired: true, errorMessage: expect.any(String) });
    const [action] = findNodes(showCard, (node) => node.verb === verb);
    expect(action?.associatedInputs).toBe("auto");
  });

  it("says when the goal is top-level and shows the parent otherwise", () => {
    expect(JSON.stringify(card)).toContain("Make customers successful in their first month (Ben Okafor)");
    const topLevel = buildApprovalCard({ goal: buildApprovalGoalView({ parent: null }), approverUserId }, en);
    expect(JSON.stringify(topLevel)).toContain("Top-level goal");
  });

  it("lists what the checklist found missing, in the words given", () => {
    const missing = buildApprovalCard({
      goal: buildApprovalGoalView({ smart: { ok: false, missing: ["a due date inside the period"] } }),
      approverUserId,
    }, en);
    expect(JSON.stringify(missing)).toContain("- a due date inside the period");
  });

  it("shows the diff on a re-approval and not on a first approval", () => {
    expect(JSON.stringify(card)).not.toContain("What changed");
    const changed = buildApprovalCard({
      goal: buildApprovalGoalView({ changes: [{ field: "Title", before: "Old title", after: "New title" }] }),
      approverUserId,
    }, en);
    const text = JSON.stringify(changed);
    expect(text).toContain("needs your approval again");
    expect(text).toContain("Old title");
    expect(text).toContain("New title");
  });

  it("warns on the stale variant and carries the current version", () => {
    const stale = buildStaleApprovalCard({ goal: buildApprovalGoalView({ version: "etag-43" }), approverUserId }, en);
    expect(JSON.stringify(stale.body[0])).toContain("This goal changed since this card was sent");
    expect(stale.refresh?.action.data).toMatchObject({ version: "etag-43" });
    expect(findNodes(stale, (node) => node.verb === VERBS.approve)[0]?.data).toMatchObject({ version: "etag-43" });
  });
});

describe("buildApprovalStatusCard", () => {
  const goal = buildApprovalGoalView();

  it("shows who is deciding and keeps the approver's refresh while pending", () => {
    const card = buildApprovalStatusCard({ goal, approverName: "Ben Okafor", approverUserId, outcome: null }, en);
    expect(JSON.stringify(card.body)).toContain("Waiting for Ben Okafor to decide");
    expect(card.refresh?.userIds).toEqual([approverUserId]);
    expect(findByType(card.body, "Action.Execute")).toEqual([]);
  });

  it("shows the decision, who made it, when and the comment, with no refresh", () => {
    const card = buildApprovalStatusCard({
      goal,
      approverName: "Ben Okafor",
      approverUserId,
      outcome: { decision: "reject", deciderName: "Ben Okafor", decidedAt: "2027-01-11T08:00:00.500Z", comment: "Not this quarter." },
    }, en);
    const text = JSON.stringify(card.body);
    expect(text).toContain("Rejected");
    expect(text).toContain("{{DATE(2027-01-11T08:00:00Z, SHORT)}}");
    expect(text).toContain("Not this quarter.");
    expect(card.refresh).toBeUndefined();
  });
});

describe("parseDecisionInputs", () => {
  const ref = { goalId: "g-7", version: "etag-42" };

  it("reads an approval without a comment", () => {
    expect(parseDecisionInputs(VERBS.approve, ref, en)).toEqual({
      ok: true,
      value: { ...ref, decision: "approve", comment: null },
    });
  });

  it("reads the comment of the matching form, from Execute data or the Submit fallback", () => {
    const data = { ...ref, verb: VERBS.reject, [COMMENT_INPUT_IDS.reject]: "  Not now.  " };
    expect(parseDecisionInputs(VERBS.reject, data, en)).toEqual({
      ok: true,
      value: { ...ref, decision: "reject", comment: "Not now." },
    });
  });

  it("refuses request changes or reject without a comment", () => {
    for (const verb of [VERBS.requestChanges, VERBS.reject]) {
      const result = parseDecisionInputs(verb, { ...ref, [COMMENT_INPUT_IDS.requestChanges]: " " }, en);
      expect(result.ok).toBe(false);
    }
  });

  it("refuses a missing goal, an unknown verb and an overlong comment", () => {
    expect(parseDecisionInputs(VERBS.approve, {}, en).ok).toBe(false);
    expect(parseDecisionInputs(VERBS.submitCheckIn, ref, en).ok).toBe(false);
    const long = { ...ref, [COMMENT_INPUT_IDS.requestChanges]: "x".repeat(1001) };
    expect(parseDecisionInputs(VERBS.requestChanges, long, en).ok).toBe(false);
  });
});
