import { describe, expect, it } from "vitest";
import type { AdaptiveCard } from "./card-json.js";
import {
  buildApprovalCard,
  buildApprovalStatusCard,
  buildCheckInDoneCard,
  buildDecisionCard,
  buildHelpCard,
  buildKudosCard,
  buildKudosInviteCard,
  buildManagerDigestCard,
  buildMessageCard,
  buildMyGoalsCard,
  buildPendingApprovalsCard,
  buildReminderCard,
  buildStaleApprovalCard,
  isVerb,
} from "./index.js";
import { buildApprovalGoalView, buildCheckInGoalView, findByType, findNodes } from "../../test/support/card-test-data.js";
import { collectCardWarnings } from "../../test/support/card-validate.js";
import { createCardIntl } from "./i18n/card-intl.js";

const en = createCardIntl("en");

const goalUrl = "https://teams.example.test/l/entity/cascade/goals?goal=goal-1";
const approverUserId = "29:approver-mri";
const reapprovalGoal = buildApprovalGoalView({
  smart: { ok: false, missing: ["a due date inside the period", "at least one result you can measure"] },
  changes: [
    { field: "Due date", before: "31 Mar 2027", after: "30 Jun 2027" },
    { field: "Supports", before: null, after: "Make customers successful in their first month" },
  ],
  parent: null,
});

const cards: Record<string, AdaptiveCard> = {
  "approval-card": buildApprovalCard({ goal: buildApprovalGoalView(), approverUserId }, en),
  "approval-card-reapproval": buildApprovalCard({ goal: reapprovalGoal, approverUserId }, en),
  "approval-card-stale": buildStaleApprovalCard({ goal: buildApprovalGoalView({ version: "v2" }), approverUserId }, en),
  "approval-status-pending": buildApprovalStatusCard({
    goal: buildApprovalGoalView(),
    approverName: "Ben Okafor",
    approverUserId,
    outcome: null,
  }, en),
  "approval-status-decided": buildApprovalStatusCard({
    goal: buildApprovalGoalView(),
    approverName: "Ben Okafor",
    approverUserId,
    outcome: { decision: "request_changes", deciderName: "Ben Okafor", decidedAt: "2027-01-11T08:00:00.123Z", comment: "Add a target for Europe." },
  }, en),
  "decision-card-approved": buildDecisionCard({
    goalTitle: "Cut onboarding time in half",
    decision: "approve",
    deciderName: "Ben Okafor",
    decidedAt: "2027-01-11T08:00:00Z",
    comment: null,
    goalUrl,
  }, en),
  "decision-card-rejected": buildDecisionCard({
    goalTitle: "Cut onboarding time in half",
    decision: "reject",
    deciderName: "Ben Okafor",
    decidedAt: "2027-01-11T08:00:00Z",
    comment: "This belongs to the support team.",
    goalUrl,
  }, en),
  "reminder-card": buildReminderCard({
    personName: "Ana",
    goals: [buildCheckInGoalView(), buildCheckInGoalView({ goalId: "goal-2", lastCheckIn: null, goalUrl: null })],
    goalsUrl: goalUrl,
  }, en),
  "check-in-done-card": buildCheckInDoneCard({
    goalTitle: "Cut onboarding time in half",
    confidence: "at_risk",
    note: "Waiting on the new installer.",
    keyResults: buildCheckInGoalView().keyResults,
    progress: 0.4,
    goalUrl,
  }, en),
  "kudos-invite-card": buildKudosInviteCard({ goalId: "goal-1", version: "v1", goalTitle: "Ship the installer", ownerName: "Ana Lopez", goalUrl }, en),
  "kudos-card": buildKudosCard({ fromName: "Ben Okafor", goalTitle: "Ship the installer", message: "Great work, thank you!", goalUrl }, en),
  "manager-digest-card": buildManagerDigestCard({
    cycleName: "Q1 2027",
    peopleCount: 12,
    averageProgress: 0.42,
    elapsedShare: 0.5,
    atRisk: [
      { goalTitle: "Ship the installer", ownerName: "Ana Lopez", progress: 0.2, reason: "behind" },
      { goalTitle: "Hire two engineers", ownerName: "Chen Wu", progress: 0.5, reason: "confidence" },
    ],
    missingCheckIns: [
      { name: "Chen Wu", lastCheckInAt: "2027-01-02T10:00:00Z" },
      { name: "Dana Smith", lastCheckInAt: null },
    ],
    pendingApprovals: { count: 3, url: "https://teams.example.test/approvals" },
    teamUrl: "https://teams.example.test/team",
  }, en),
  "my-goals-card": buildMyGoalsCard({
    cycleName: "Q1 2027",
    goals: [
      { title: "Ship the [beta] installer", status: "active", progress: 0.6, dueDate: "2027-03-31", confidence: "on_track", goalUrl },
      { title: "Write the setup guide", status: "pending_approval", progress: 0, dueDate: null, confidence: null, goalUrl },
    ],
    goalsUrl: goalUrl,
  }, en),
  "my-goals-card-empty": buildMyGoalsCard({ cycleName: "Q1 2027", goals: [], goalsUrl: goalUrl }, en),
  "pending-approvals-card": buildPendingApprovalsCard({
    items: [
      { goalTitle: "Ship the installer", ownerName: "Ana Lopez", submittedAt: "2027-01-10T09:30:00Z", isReapproval: false, goalUrl, goalId: "goal-1" },
      { goalTitle: "Hire two engineers", ownerName: "Chen Wu", submittedAt: "2027-01-09T09:30:00Z", isReapproval: true, goalUrl },
    ],
    approvalsUrl: "https://teams.example.test/approvals",
  }, en),
  "pending-approvals-card-empty": buildPendingApprovalsCard({ items: [], approvalsUrl: "https://teams.example.test/approvals" }, en),
  "help-card": buildHelpCard({ appUrl: "https://teams.example.test/app" }, en),
  "message-card-error": buildMessageCard({
    tone: "error",
    title: "Check-in not saved",
    text: "Some values need fixing.",
    details: ["Median days to first dashboard: enter a number."],
    link: { title: "Open goal", url: goalUrl },
  }),
  "message-card-info": buildMessageCard({ tone: "info", text: "This goal was already approved." }),
};

it("covers every interactive card", () => {
  expect(interactiveCards.map(([name]) => name)).toEqual([
    "approval-card",
    "approval-card-reapproval",
    "approval-card-stale",
    "reminder-card",
    "kudos-invite-card",
    "pending-approvals-card",
  ]);
});

describe.each(Object.entries(cards))("%s", (name, card) => {
  it("parses as an Adaptive Card 1.5 without warnings", () => {
    expect(card.version).toBe("1.5");
    expect(collectCardWarnings(card)).toEqual([]);
  });

  it("matches its snapshot", async () => {
    await expect(`${JSON.stringify(card, null, 2)}\n`).toMatchFileSnapshot(`./__snapshots__/${name}.json`);
  });
});

const interactiveCards = Object.entries(cards)
  .map(([name, card]) => [name, findByType({ body: card.body, actions: card.actions }, "Action.Execute")] as const)
  .filter(([, actions]) => actions.length > 0);

describe.each(interactiveCards)("%s actions", (_name, executes) => {
  it("use known verbs and fall back to Action.Submit with the same data plus the verb", () => {
    for (const action of executes) {
      expect(isVerb(action.verb)).toBe(true);
      expect(action.fallback).toMatchObject({
        type: "Action.Submit",
        title: action.title,
        data: { ...(action.data as object), verb: action.verb },
        associatedInputs: action.associatedInputs,
      });
    }
  });
});

describe("list limits", () => {
  it("shows at most five goals on a reminder and counts the rest", () => {
    const goals = Array.from({ length: 7 }, (_, index) => buildCheckInGoalView({ goalId: `goal-${index}` }));
    const card = buildReminderCard({ personName: "Ana", goals, goalsUrl: goalUrl }, en);
    expect(findByType(card.body, "Action.Execute")).toHaveLength(5);
    expect(JSON.stringify(card)).toContain("And 2 more goals in Cascade.");
    expect(collectCardWarnings(card)).toEqual([]);
  });

  it("hides the approvals button on the digest when nothing waits", () => {
    const card = buildManagerDigestCard({
      cycleName: "Q1",
      peopleCount: 1,
      averageProgress: 1,
      elapsedShare: 0.1,
      atRisk: [],
      missingCheckIns: [],
      pendingApprovals: { count: 0, url: "https://teams.example.test/approvals" },
      teamUrl: "https://teams.example.test/team",
    }, en);
    expect(card.actions?.map((action) => action.title)).toEqual(["Open team view"]);
    expect(JSON.stringify(card.body)).toContain("None. Nice work.");
  });

  it("counts every goal at risk on the digest, beyond the first ones it lists", () => {
    const atRisk = Array.from({ length: 20 }, (_, i) => ({ goalTitle: `Goal ${i}`, ownerName: "Ana Lopez", progress: i / 100, reason: "behind" as const }));
    const card = buildManagerDigestCard({
      cycleName: "Q1",
      peopleCount: 40_000,
      averageProgress: 0.4,
      elapsedShare: 0.5,
      atRisk,
      atRiskCount: 1_234,
      missingCheckIns: [],
      pendingApprovals: { count: 0, url: "https://teams.example.test/approvals" },
      teamUrl: "https://teams.example.test/team",
    }, en);
    const text = JSON.stringify(card.body);
    expect(text).toContain("Goals at risk (1,234)");
    expect(text).toContain("Goal 7");
    expect(text).not.toContain("Goal 8");
    expect(text).toContain("and 1,226 more");
    expect(collectCardWarnings(card)).toEqual([]);
  });
});

describe("card inputs", () => {
  it("all have a label and an error message, and those a card needs are required", () => {
    const inputs = Object.values(cards).flatMap((card) => findNodes(card, (node) => typeof node.type === "string" && node.type.startsWith("Input.")));
    expect(inputs.length).toBeGreaterThanOrEqual(8);
    for (const input of inputs) {
      expect(input.label, String(input.id)).toEqual(expect.any(String));
      expect(input.errorMessage, String(input.id)).toEqual(expect.any(String));
      const isOptional = input.type === "Input.Toggle" || String(input.id).endsWith(".note");
      expect(input.isRequired === true, String(input.id)).toBe(!isOptional);
    }
  });
});

describe("languages", () => {
  it("builds the same card in the reader's language", () => {
    const goal = buildApprovalGoalView();
    const german = JSON.stringify(buildApprovalCard({ goal, approverUserId }, createCardIntl("de-AT")));
    expect(german).toContain("Ein Ziel wartet auf Ihre Freigabe");
    expect(german).toContain("31. März 2027");
    expect(german).not.toContain("needs your approval");
    const japanese = JSON.stringify(buildReminderCard({ personName: "Ana", goals: [buildCheckInGoalView()], goalsUrl: goalUrl }, createCardIntl("ja")));
    expect(japanese).toContain("週に一度の進捗報告の時間です");
    const arabic = JSON.stringify(buildPendingApprovalsCard({ items: [], approvalsUrl: goalUrl }, createCardIntl("ar")));
    expect(arabic).toContain("لا شيء بانتظارك");
  });
});
