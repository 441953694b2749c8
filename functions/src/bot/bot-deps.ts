/** What the bot's card logic needs from the rest of the app. */
import type { GoalDeps } from "../domain/goal-context.js";
import type { CardStore } from "../store/card-store.js";
import type { ConversationStore } from "../store/conversation-store.js";
import type { Principal } from "../domain/types.js";
import type { CardActionResponse } from "./invoke-response.js";
import type { Messenger } from "./messenger.js";

/** Handles the card actions of one verb that another part of the app owns (check-ins, kudos). */
export type CardActionHandler = (viewer: Principal, data: Record<string, unknown>) => Promise<CardActionResponse>;

export type BotLog = (level: "info" | "warn" | "error", message: string, details?: Record<string, unknown>) => void;

export interface BotDeps {
  goalDeps: GoalDeps;
  conversations: ConversationStore;
  cards: CardStore;
  messenger: Messenger;
  /** Where the tab lives, for "Open goal" links. */
  appUrl: string;
  log: BotLog;
  /** Extra verbs, by verb. */
  cardActions?: Readonly<Record<string, CardActionHandler>>;
}

/** Links into the tab; the view and goal parameters open the right place directly. */
export function buildGoalUrl(appUrl: string, goalId: string): string {
  return `${appUrl}/?view=my-goals&goal=${encodeURIComponent(goalId)}`;
}

export function buildApprovalsUrl(appUrl: string): string {
  return `${appUrl}/?view=approvals`;
}
