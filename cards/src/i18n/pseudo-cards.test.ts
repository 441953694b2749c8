/** Every card built in the pseudo-locale: any plain ASCII word left in what a person reads came from
 * outside the catalogue. The test data uses Greek and Japanese so no data looks like English text. */
import { describe, expect, it } from "vitest";
import type { AdaptiveCard } from "../card-json.js";
import { parseCheckInInputs } from "../check-in-inputs.js";
import { parseDecisionInputs } from "../decision-inputs.js";
import { buildApprovalCard, buildApprovalStatusCard, buildCheckInDoneCard, buildDecisionCard, buildHelpCard, buildKudosCard, buildKudosInviteCard, buildManagerDigestCard, buildMyGoalsCard, buildPendingApprovalsCard, buildReminderCard, buildStaleApprovalCard } from "../index.js";
import { parseKudosInputs } from "../kudos-cards.js";
import { VERBS } from "../verbs.js";
import { createCardIntl } from "./card-intl.js";
import { PSEUDO_LOCALE } from "./locales.js";
import { findUnlocalizedText } from "./pseudo.js";
import { buildApprovalGoalView, buildCheckInGoalView } from "../../../test/support/card-test-data.js";

const intl = createCardIntl(PSEUDO_LOCALE);
const url = "https://teams.example.test/l/entity/goal";
const keyResults = [
  { id: "kr-1", title: "Δείκτης", kind: "decrease" as const, start: 14, target: 7, current: 12, unit: "日" },
  { id: "kr-2", title: "Ορόσημο", kind: "milestone" as const, done: false },
  { id: "kr-3", title: "Μερίδιο", kind: "increase" as const, start: 0, target: 50, current: 20, unit: "%" },
  { id: "kr-4", title: "Διαθεσιμότητα", kind: "keep_above" as const, start: 99, target: 99.5, current: 99.7, unitKind: "percent" as const },
  { id: "kr-5", title: "Κόστος", kind: "keep_below" as const, start: 900, target: 800, current: 750, unitKind: "currency" as const, currency: "EUR" },
];
const goal = buildApprovalGoalView({
  title: "Στόχος ένα", description: "Περιγραφή του στόχου.", ownerName: "Άννα", cycleName: "2027 Α", keyResults, goalUrl: url,
  parent: { title: "Γονικός στόχος", ownerName: "Βασίλης" },
  smart: { ok: false, missing: [intl.t("smart.due_date_in_cycle"), intl.t("smart.alignment")] },
  changes: [{ field: intl.t("goal.change.dueDate"), before: null, after: intl.formatCalendarDate("2027-06-30") }],
});
const checkIn = buildCheckInGoalView({ title: "Στόχος δύο", keyResults, goalUrl: url });
const decided = { decision: "reject" as const, deciderName: "Βασίλης", decidedAt: "2027-01-11T08:00:00Z", comment: "Όχι τώρα." };

const cards: Record<string, AdaptiveCard> = {
  approval: buildApprovalCard({ goal, approverUserId: "29:x" }, intl),
  approvalTopLevel: buildApprovalCard({ goal: { ...goal, parent: null, smart: { ok: true, missing: [] }, dueDate: null, keyResults: [] }, approverUserId: "29:x" }, intl),
  stale: buildStaleApprovalCard({ goal, approverUserId: "29:x" }, intl),
  statusWaiting: buildApprovalStatusCard({ goal, approverName: "Βασίλης", approverUserId: "29:x", outcome: null }, intl),
  statusDecided: buildApprovalStatusCard({ goal, approverName: "Βασίλης", approverUserId: "29:x", outcome: decided }, intl),
  ...Object.fromEntries((["approve", "request_changes", "reject"] as const).map((decision) => [
    `decision-${decision}`, buildDecisionCard({ goalTitle: "Στόχος", ...decided, decision, goalUrl: url }, intl),
  ])),
  reminder: buildReminderCard({ personName: "Άννα", goals: Array.from({ length: 7 }, (_, i) => ({ ...checkIn, goalId: `g-${i}`, lastCheckIn: i === 0 ? null : checkIn.lastCheckIn })), goalsUrl: url }, intl),
  checkInDone: buildCheckInDoneCard({ goalTitle: "Στόχος", confidence: "off_track", note: "Σημείωση", keyResults, progress: 0.4, goalUrl: url }, intl),
  kudosInvite: buildKudosInviteCard({ goalId: "g", version: "v", goalTitle: "Στόχος", ownerName: "Άννα", goalUrl: url }, intl),
  kudos: buildKudosCard({ fromName: "Βασίλης", goalTitle: "Στόχος", message: "Ευχαριστώ!", goalUrl: url }, intl),
  digest: buildManagerDigestCard({
    cycleName: "2027 Α", peopleCount: 1200, averageProgress: 0.42, elapsedShare: 0.5,
    atRisk: Array.from({ length: 9 }, (_, i) => ({ goalTitle: `Στόχος ${i}`, ownerName: "Άννα", progress: 0.2, reason: i % 2 ? "behind" as const : "confidence" as const })),
    missingCheckIns: [{ name: "Άννα", lastCheckInAt: "2027-01-02T10:00:00Z" }, { name: "Βασίλης", lastCheckInAt: null }],
    pendingApprovals: { count: 1, url }, teamUrl: url,
  }, intl),
  digestCalm: buildManagerDigestCard({ cycleName: "2027 Α", peopleCount: 1, averageProgress: 1, elapsedShare: 0.1, atRisk: [], missingCheckIns: [], pendingApprovals: { count: 0, url }, teamUrl: url }, intl),
  myGoals: buildMyGoalsCard({
    cycleName: "2027 Α",
    goals: Array.from({ length: 16 }, (_, i) => ({ title: `Στόχος ${i}`, status: "active" as const, progress: 0.6, dueDate: i ? "2027-03-31" : null, confidence: i ? "at_risk" as const : null, goalUrl: url })),
    goalsUrl: url,
  }, intl),
  myGoalsEmpty: buildMyGoalsCard({ cycleName: "2027 Α", goals: [], goalsUrl: url }, intl),
  pending: buildPendingApprovalsCard({
    items: Array.from({ length: 16 }, (_, i) => ({ goalTitle: `Στόχος ${i}`, ownerName: "Άννα", submittedAt: "2027-01-10T09:30:00Z", isReapproval: i % 2 === 0, goalUrl: url, goalId: `g-${i}` })),
    approvalsUrl: url,
  }, intl),
  pendingEmpty: buildPendingApprovalsCard({ items: [], approvalsUrl: url }, intl),
  help: buildHelpCard({ appUrl: url }, intl),
};

const READABLE_KEYS = new Set(["text", "title", "label", "placeholder", "errorMessage", "value"]);
/** The Teams client formats these in the reader's locale and time zone; they are not text. */
const CLIENT_FORMATS = /\{\{(DATE|TIME)\([^)]*\)\}\}/g;
const LINK_TARGETS = /\]\([^)]*\)/g;

function collectReadableText(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => collectReadableText(item, out));
  else if (typeof node === "object" && node !== null) {
    const record = node as Record<string, unknown>;
    // An input's value is data, and a choice's value an id: the person reads the choice's title.
    const isInput = typeof record.type === "string" && record.type.startsWith("Input.");
    for (const [key, value] of Object.entries(record)) {
      if (key === "choices" && Array.isArray(value)) value.forEach((choice: { title: string }) => out.push(choice.title));
      else if (typeof value === "string" && READABLE_KEYS.has(key) && !(key === "value" && isInput)) out.push(value.replace(CLIENT_FORMATS, "").replace(LINK_TARGETS, "]"));
      else if (key !== "data" && key !== "refresh") collectReadableText(value, out);
    }
  }
  return out;
}

describe.each(Object.entries(cards))("the %s card in the pseudo-locale", (_name, card) => {
  it("shows no text that skipped the catalogue", () => {
    const texts = collectReadableText(card);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.map((text) => [text, findUnlocalizedText(text)]).filter(([, found]) => found !== undefined)).toEqual([]);
  });
});

describe("card input errors in the pseudo-locale", () => {
  it("come from the catalogue too", () => {
    const checkInErrors = parseCheckInInputs("g", { "g.kr.a.current": "x", "g.kr.b.done": "maybe", "g.note": "n".repeat(1001) }, intl);
    const decision = parseDecisionInputs(VERBS.reject, {}, intl);
    const kudos = parseKudosInputs({}, intl);
    const messages = [
      ...(checkInErrors.ok ? [] : checkInErrors.errors.map((error) => error.message)),
      ...(decision.ok ? [] : decision.errors),
      ...(kudos.ok ? [] : kudos.errors),
    ];
    expect(messages.length).toBeGreaterThanOrEqual(7);
    expect(messages.filter((message) => findUnlocalizedText(message) !== undefined)).toEqual([]);
  });
});
