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
import { formatDay } from "./format.js";
import type { CardIntl } from "./i18n/card-intl.js";

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
  /** The goals at risk furthest behind first (the first of them, when there are many). */
  atRisk: DigestAtRiskGoal[];
  /** How many goals are at risk in all; the list's length when absent. */
  atRiskCount?: number;
  missingCheckIns: Array<{ name: string; lastCheckInAt: string | null }>;
  pendingApprovals: { count: number; url: string };
  /** Deep link to the Team view in the tab. */
  teamUrl: string;
}

function withMore(lines: string[], moreCount: number, intl: CardIntl): string[] {
  return moreCount > 0 ? [...lines, intl.t("digest.andMore", { count: moreCount })] : lines;
}

function createAtRiskSection(goals: DigestAtRiskGoal[], total: number, intl: CardIntl): CardElement[] {
  if (total === 0 || goals.length === 0) return [createSectionTitle(intl.t("digest.atRisk")), createText(intl.t("digest.noneAtRisk"), { isSubtle: true })];
  const { shown } = limitItems(goals, DIGEST_MAX_ITEMS);
  const lines = shown.map((goal) =>
    intl.t("digest.atRiskLine", { title: goal.goalTitle, owner: goal.ownerName, progress: intl.formatPercent(goal.progress), reason: goal.reason }),
  );
  return [createSectionTitle(intl.t("digest.atRiskCount", { count: total })), createBulletList(withMore(lines, total - shown.length, intl))];
}

function createMissingCheckInsSection(people: ManagerDigestCardInput["missingCheckIns"], intl: CardIntl): CardElement[] {
  if (people.length === 0) return [];
  const { shown, moreCount } = limitItems(people, DIGEST_MAX_ITEMS);
  const lines = shown.map((person) =>
    person.lastCheckInAt
      ? intl.t("digest.missingLast", { name: person.name, day: formatDay(person.lastCheckInAt) })
      : intl.t("digest.missingNever", { name: person.name }),
  );
  return [createSectionTitle(intl.t("digest.missingTitle", { count: people.length })), createBulletList(withMore(lines, moreCount, intl))];
}

export function buildManagerDigestCard(input: ManagerDigestCardInput, intl: CardIntl): AdaptiveCard {
  const pending = input.pendingApprovals.count;
  const body: CardElement[] = [
    createHeading(intl.t("digest.heading", { cycle: input.cycleName })),
    createFacts([
      [intl.t("digest.people"), intl.formatNumber(input.peopleCount)],
      [intl.t("digest.averageProgress"), intl.formatPercent(input.averageProgress)],
      [intl.t("digest.timeGone"), intl.formatPercent(input.elapsedShare)],
      [intl.t("digest.waitingForYou"), intl.t("digest.toApprove", { count: pending })],
    ]),
    ...createAtRiskSection(input.atRisk, Math.max(input.atRiskCount ?? 0, input.atRisk.length), intl),
    ...createMissingCheckInsSection(input.missingCheckIns, intl),
  ];
  const actions: CardAction[] = [createOpenUrlAction(intl.t("digest.openTeam"), input.teamUrl)];
  if (pending > 0) actions.push(createOpenUrlAction(intl.t("digest.reviewApprovals", { count: pending }), input.pendingApprovals.url));
  return createCard(body, actions);
}
