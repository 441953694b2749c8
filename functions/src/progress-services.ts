/** Wires check-ins, dashboards, kudos, comments and reminders onto the goal dependencies. */
import type { AdaptiveCard } from "../../cards/src/index.js";
import type { Config } from "./config.js";
import type { CheckInDeps, CheckInReader } from "./domain/checkins.js";
import type { DashboardDeps, DashboardSnapshots } from "./domain/dashboard-service.js";
import type { FeedbackDeps, FeedbackSink } from "./domain/feedback.js";
import { isGoalCompletedEvent, type GoalDeps } from "./domain/goal-context.js";
import type { Person } from "./domain/types.js";
import type { EventBus } from "./events.js";
import { buildTabLinkSettings, type TabLinkSettings } from "./bot/tab-links.js";
import { createFeedbackStore } from "./store/feedback-store.js";
import { createReminderStore, type ReminderStore } from "./store/reminder-store.js";
import type { TableFactory } from "./store/tables.js";

/** Delivers a card to a person's chat; false when they have no conversation with the app yet. */
export type CardSender = (tenantId: string, personId: string, card: AdaptiveCard) => Promise<boolean>;

/** The tab's address and the Teams app id (TabLinkSettings) are there for the links in cards. */
export interface ProgressDeps extends CheckInDeps, DashboardDeps, FeedbackDeps, TabLinkSettings {
  reminders: ReminderStore;
  listPeople(tenantId: string): AsyncIterable<Person>;
  sendCard: CardSender;
  log(level: "info" | "warn" | "error", message: string, details?: Record<string, unknown>): void;
}

export interface ProgressOptions {
  config: Pick<Config, "tabDomain" | "port" | "teamsAppId">;
  tables: TableFactory;
  goalDeps: GoalDeps;
  checkIns: CheckInReader;
  snapshots: DashboardSnapshots;
  events: EventBus;
  listPeople(tenantId: string): AsyncIterable<Person>;
  sendCard: CardSender;
  log: ProgressDeps["log"];
}

/** The kudos cards and their builders load with the first kudos or completed goal, not at start. */
const loadFeedbackNotifier = () => import("./bot/feedback-notifier.js");

/** Creates the stores (the caller ensures their tables) and subscribes the kudos invitation to goal events. */
export function createProgressServices(options: ProgressOptions): ProgressDeps & { tables: string[] } {
  const feedback = createFeedbackStore(options.tables);
  const reminders = createReminderStore(options.tables);
  const feedbackEvents: FeedbackSink = { kudosGiven: async (tenantId, kudos, goal) => (await loadFeedbackNotifier()).notifyKudos(deps, tenantId, kudos, goal) };
  const deps: ProgressDeps = {
    ...options.goalDeps,
    checkIns: options.checkIns,
    snapshots: options.snapshots,
    riskMargin: async (tenantId) => (await reminders.getSettings(tenantId)).riskMargin,
    feedback,
    feedbackEvents,
    reminders,
    listPeople: options.listPeople,
    sendCard: options.sendCard,
    ...buildTabLinkSettings(options.config),
    log: options.log,
  };
  options.events.subscribe(async (tenantId, event) => {
    // Only a completed goal invites kudos; other goal events leave the card code unloaded.
    if (isGoalCompletedEvent(event)) await (await loadFeedbackNotifier()).inviteKudosOnCompletion(deps, tenantId, event);
  });
  return { ...deps, tables: [...feedback.tables, ...reminders.tables] };
}
