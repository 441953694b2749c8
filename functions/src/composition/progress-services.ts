/** Wires check-ins, dashboards, kudos, comments and reminders onto the goal dependencies. */
import type { Config } from "../config.js";
import type { CheckInReader } from "../domain/checkins.js";
import type { ChannelAccess } from "../domain/channel-dashboards.js";
import type { DashboardDeps } from "../domain/dashboard-service.js";
import type { FeedbackSink } from "../domain/feedback.js";
import { isGoalCompletedEvent, type GoalDeps } from "../domain/goal-context.js";
import type { Person } from "../domain/types.js";
import type { EventBus } from "../events.js";
import type { PersonLocales } from "../bot/card-locale.js";
import type { CardSender, ProgressDeps } from "../bot/progress-ports.js";
import { buildTabLinkSettings } from "../bot/tab-links.js";
import { createFeedbackStore } from "../store/feedback-store.js";
import { createReminderStore } from "../store/reminder-store.js";
import { createCloseOutNoticeStore } from "../store/close-out-notice-store.js";
import type { TableFactory } from "../store/tables.js";

export interface ProgressOptions {
  config: Pick<Config, "tabDomain" | "port" | "teamsAppId">;
  tables: TableFactory;
  goalDeps: GoalDeps;
  checkIns: CheckInReader;
  rollUps: DashboardDeps["rollUps"];
  channels: ChannelAccess;
  events: EventBus;
  conversations: ProgressDeps["conversations"];
  listPeople(tenantId: string): AsyncIterable<Person>;
  sendCard: CardSender;
  log: ProgressDeps["log"];
  locales?: PersonLocales;
}

/** The kudos cards and their builders load with the first kudos or completed goal, not at start. */
const loadFeedbackNotifier = () => import("../bot/feedback-notifier.js");

/** Creates the stores (the caller ensures their tables) and subscribes the kudos invitation to goal events. */
export function createProgressServices(options: ProgressOptions): ProgressDeps & { tables: string[] } {
  const feedback = createFeedbackStore(options.tables);
  const reminders = createReminderStore(options.tables);
  const feedbackEvents: FeedbackSink = { kudosGiven: async (tenantId, kudos, goal) => (await loadFeedbackNotifier()).notifyKudos(deps, tenantId, kudos, goal) };
  const deps: ProgressDeps = {
    ...options.goalDeps,
    checkIns: options.checkIns,
    rollUps: options.rollUps,
    channels: options.channels,
    riskMargin: async (tenantId) => (await reminders.getSettings(tenantId)).riskMargin,
    feedback,
    feedbackEvents,
    reminders,
    closeOutNotices: createCloseOutNoticeStore(options.tables),
    conversations: options.conversations,
    listPeople: options.listPeople,
    sendCard: options.sendCard,
    ...buildTabLinkSettings(options.config),
    log: options.log,
    locales: options.locales,
  };
  options.events.subscribe(async (tenantId, event) => {
    // Only a completed goal invites kudos; other goal events leave the card code unloaded.
    if (isGoalCompletedEvent(event)) await (await loadFeedbackNotifier()).inviteKudosOnCompletion(deps, tenantId, event);
  });
  return { ...deps, tables: [...feedback.tables, ...reminders.tables] };
}
