/** What the check-in, kudos, reminder and digest cards need from the rest of the app; the composition
 * root (composition/progress-services.ts) provides it. */
import type { AdaptiveCard } from "../../../cards/src/index.js";
import type { CheckInDeps } from "../domain/checkins.js";
import type { DashboardDeps } from "../domain/dashboard-service.js";
import type { FeedbackDeps } from "../domain/feedback.js";
import type { Logger } from "../domain/logger.js";
import type { Person } from "../domain/types.js";
import type { CloseOutNoticeStore } from "../store/close-out-notice-store.js";
import type { ConversationStore } from "../store/conversation-store.js";
import type { ReminderStore } from "../store/reminder-store.js";
import type { LocaleDeps } from "./card-locale.js";
import type { TabLinkSettings } from "./tab-links.js";

/** Delivers a card to a person's chat; false when they have no conversation with the app yet. */
export type CardSender = (tenantId: string, personId: string, card: AdaptiveCard) => Promise<boolean>;

/** The tab's address and the Teams app id (TabLinkSettings) are there for the links in cards. */
export interface ProgressDeps extends CheckInDeps, DashboardDeps, FeedbackDeps, TabLinkSettings, LocaleDeps {
  reminders: ReminderStore;
  /** Who got a cycle's close-out card, so that it goes to each owner once. */
  closeOutNotices: CloseOutNoticeStore;
  /** Where each person chats with the app; cards that refresh name their reader by the Teams id kept there. */
  conversations: Pick<ConversationStore, "getConversation">;
  listPeople(tenantId: string): AsyncIterable<Person>;
  sendCard: CardSender;
  log: Logger;
}
