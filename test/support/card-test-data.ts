/** Test data builders for the card tests; each takes overrides for the fields a test cares about. */
import type { ApprovalGoalView, CheckInGoalView } from "../../cards/src/types.js";

export function buildApprovalGoalView(overrides: Partial<ApprovalGoalView> = {}): ApprovalGoalView {
  return {
    goalId: "goal-1",
    version: "2027-01-10T09:30:00.000Z",
    title: "Cut onboarding time for new customers in half",
    description: "New customers wait too long before their first working dashboard. Halve that wait.",
    ownerName: "Ana Lopez",
    cycleName: "Q1 2027",
    dueDate: "2027-03-31",
    keyResults: [
      { id: "kr-1", title: "Median days to first dashboard", kind: "decrease", start: 14, target: 7, current: 12, unit: "days" },
      { id: "kr-2", title: "Self-serve setup guide published", kind: "milestone", done: false },
    ],
    parent: { title: "Make customers successful in their first month", ownerName: "Ben Okafor" },
    smart: { ok: true, missing: [] },
    changes: [],
    goalUrl: "https://teams.example.test/l/entity/cascade/goals?goal=goal-1",
    ...overrides,
  };
}

export function buildCheckInGoalView(overrides: Partial<CheckInGoalView> = {}): CheckInGoalView {
  return {
    goalId: "goal-1",
    version: "2027-01-10T09:30:00.000Z",
    title: "Cut onboarding time for new customers in half",
    dueDate: "2027-03-31",
    progress: 0.29,
    lastCheckIn: { at: "2027-01-04T16:05:12.345Z", confidence: "at_risk" },
    keyResults: [
      { id: "kr-1", title: "Median days to first dashboard", kind: "decrease", start: 14, target: 7, current: 12, unit: "days" },
      { id: "kr-2", title: "Self-serve setup guide published", kind: "milestone", done: true },
    ],
    goalUrl: "https://teams.example.test/l/entity/cascade/goals?goal=goal-1",
    ...overrides,
  };
}

type Node = Record<string, unknown>;

/** Every object in a card (body, actions, show-cards, fallbacks, refresh) that matches. */
export function findNodes(root: unknown, predicate: (node: Node) => boolean): Node[] {
  const found: Node[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === "object" && value !== null) {
      const node = value as Node;
      if (predicate(node)) found.push(node);
      Object.values(node).forEach(visit);
    }
  };
  visit(root);
  return found;
}

export function findByType(root: unknown, type: string): Node[] {
  return findNodes(root, (node) => node.type === type);
}

/** What a client submits when the user leaves every input at its initial value. */
export function collectInitialInputValues(root: unknown): Record<string, unknown> {
  const inputs = findNodes(root, (node) => typeof node.type === "string" && node.type.startsWith("Input."));
  return Object.fromEntries(inputs.map((input) => [input.id as string, input.value === undefined ? "" : String(input.value)]));
}
