/** The manager's weekly summary of their team: progress, goals at risk, missing check-ins and
 * goals waiting for their approval. */
import type { AdaptiveCard, CardAction, CardElement } from "./card-json.js";
import {
  createBulletList,
  createCard,
  createFacts,
  createHeading,
  createOpenUrlAction,
  createSectionTitle,
  createText,
  limitItems,
} from "./elements.js";
import { formatDay, formatPercent } from "./format.js";

export const DIGEST_MAX_ITEMS = 8;

export interface DigestAtRiskGoal {
  goalTitle: string;
  ownerName: string;
  /** 0–1. */
  progress: number;
  /** Why it counts as at risk: the owner said so, or progress is behind the time elapsed. */
  reason: "confidence" | "behind";
}

export interface ManagerDigestCardInput {
  cycleName: string;
  /** People in the manager's team (direct and indirect reports). */
  peopleCount: number;
  /** 0–1, average of the team's active goals. */
  averageProgress: number;
  /** 0–1, share of the period already elapsed, to compare progress against. */
  elapsedShare: number;
  atRisk: DigestAtRiskGoal[];
  missingCheckIns: Array<{ name: string; lastCheckInAt: string | null }>;
  pendingApprovals: { count: number; url: string };
  /** Deep link to the Team view in the tab. */
  teamUrl: string;
}

function withMore(lines: string[], moreCount: number): string[] {
  return moreCount > 0 ? [...lines, `and ${moreCount} more`] : lines;
}

function createAtRiskSection(goals: DigestAtRiskGoal[]): CardElement[] {
  if (goals.length === 0) return [createSectionTitle("Goals at risk"), createText("None. Nice work.", { isSubtle: true })];
  const { shown, moreCount } = limitItems(goals, DIGEST_MAX_ITEMS);
  const lines = shown.map((goal) => {
    const why = goal.reason === "confidence" ? "owner says at risk" : "behind schedule";
    return `**${goal.goalTitle}** (${goal.ownerName}, ${formatPercent(goal.progress)}, ${why})`;
  });
  return [createSectionTitle(`Goals at risk (${goals.length})`), createBulletList(withMore(lines, moreCount))];
}

function createMissingCheckInsSection(people: ManagerDigestCardInput["missingCheckIns"]): CardElement[] {
  if (people.length === 0) return [];
  const { shown, moreCount } = limitItems(people, DIGEST_MAX_ITEMS);
  const lines = shown.map((person) =>
    person.lastCheckInAt ? `${person.name}, last ${formatDay(person.lastCheckInAt)}` : `${person.name}, never`,
  );
  return [createSectionTitle(`No check-in this week (${people.length})`), createBulletList(withMore(lines, moreCount))];
}

export function buildManagerDigestCard(input: ManagerDigestCardInput): AdaptiveCard {
  const pending = input.pendingApprovals.count;
  const body: CardElement[] = [
    createHeading(`Your team this week: ${input.cycleName}`),
    createFacts([
      ["People", String(input.peopleCount)],
      ["Average progress", formatPercent(input.averageProgress)],
      ["Time gone", formatPercent(input.elapsedShare)],
      ["Waiting for you", pending === 1 ? "1 goal to approve" : `${pending} goals to approve`],
    ]),
    ...createAtRiskSection(input.atRisk),
    ...createMissingCheckInsSection(input.missingCheckIns),
  ];
  const actions: CardAction[] = [createOpenUrlAction("Open team view", input.teamUrl)];
  if (pending > 0) actions.push(createOpenUrlAction(`Review approvals (${pending})`, input.pendingApprovals.url));
  return createCard(body, actions);
}
