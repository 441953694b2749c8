/** The optional proactive install: when a card must reach someone who has no chat with Cascade yet
 * and the admin turned the setting on, Cascade installs its app for them through Microsoft Graph,
 * once. Teams then announces the install to the bot, which delivers the cards that waited. Graph is
 * called in the background: the request that produced the card never waits for it or fails by it. */
import type { AdminLogEntry } from "../domain/admin.js";
import type { TenantPolicy } from "../domain/goal-context.js";
import type { Clock, IdGenerator } from "../domain/ports.js";
import type { AppInstallStore, InstallAttempt, TenantInstallProblem } from "../store/app-install-store.js";
import type { ConversationRecord, ConversationStore } from "../store/conversation-store.js";
import type { AppInstaller, InstallOutcome } from "./app-installer.js";
import { createInstallProblems } from "./install-problems.js";
import { canRetryInstall, computeRetryAt, isInstallUnderway, isTenantPaused } from "./install-rules.js";
import { DEFAULT_SERVICE_URL } from "./messenger.js";
import { createWorkSlots } from "./work-slots.js";
import { describeError, type Logger } from "../domain/logger.js";
import type { AppInstallStatus, InstallBlocker } from "../contracts/admin.js";

export type { AppInstallStatus } from "../contracts/admin.js";

export interface ProactiveInstall {
  /** Starts installing the app for the person, unless that was tried before. Resolves true when an
   * install is underway, after `keepCard` ran: a card kept then arrives when Teams confirms. */
  requestInstall(tenantId: string, userId: string, keepCard?: () => Promise<void>): Promise<boolean>;
  /** Teams announced the person's chat with the app. */
  noteInstalled(tenantId: string, userId: string): Promise<void>;
  /** The person removed the app: Cascade never installs it for them again. */
  noteRemoved(tenantId: string, userId: string): Promise<void>;
  describe(tenantId: string): Promise<AppInstallStatus>;
  /** Resolves when the installs started so far are done (tests, orderly shutdown). */
  whenIdle(): Promise<void>;
}

export interface ProactiveInstallDeps {
  store: AppInstallStore;
  conversations: ConversationStore;
  clock: Clock;
  ids: IdGenerator;
  log: Logger;
  tenantPolicy(tenantId: string): Promise<TenantPolicy>;
  addAdminLogEntry(tenantId: string, entry: AdminLogEntry): Promise<void>;
  /** Null when this deployment cannot install apps; `unavailableReason` says why. */
  loadInstaller: (() => Promise<AppInstaller>) | null;
  unavailableReason: InstallBlocker | null;
  /** The Azure Bot's app id, for chats adopted from Graph. */
  botId: string | undefined;
  /** Saves the person's chat and delivers what waited for it, as when Teams announces an install. */
  adoptConversation(conversation: ConversationRecord): Promise<void>;
}

/** What Graph said, or that it was not asked because the tenant is paused. */
type GraphAnswer = InstallOutcome | { kind: "paused"; problem: TenantInstallProblem };

/** Installs asked of Graph at once: a reminder run can find many people without a chat. */
const GRAPH_CONCURRENCY = 4;

export function createProactiveInstall(deps: ProactiveInstallDeps): ProactiveInstall {
  const slots = createWorkSlots(GRAPH_CONCURRENCY);
  const problems = createInstallProblems(deps);
  const running = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    running.add(work);
    void work.finally(() => running.delete(work));
  };

  /** An app that was there already announces nothing; its chat, named by Graph, becomes the person's. */
  async function adoptChat(tenantId: string, userId: string, chatId: string): Promise<void> {
    if (!deps.botId || (await deps.conversations.getConversation(tenantId, userId))) return;
    const serviceUrl = (await deps.conversations.findServiceUrl(tenantId)) ?? DEFAULT_SERVICE_URL;
    const conversation: ConversationRecord = { tenantId, userId, kind: "teams", conversationId: chatId, serviceUrl, botId: `28:${deps.botId}`, userMri: `8:orgid:${userId}`, updatedAt: deps.clock.now().toISOString() };
    await deps.adoptConversation(conversation);
  }

  async function finish(claimed: InstallAttempt, etag: string, outcome: GraphAnswer): Promise<void> {
    const now = deps.clock.now();
    const updatedAt = now.toISOString();
    if (outcome.kind === "paused") {
      await deps.store.writeAttempt({ ...claimed, state: "failed", reason: outcome.problem.reason, retryAt: outcome.problem.pausedUntil, updatedAt }, etag);
      return;
    }
    if (outcome.kind === "failed") {
      deps.log("warn", "Microsoft Graph did not install Cascade for a person; their cards wait in the tab", { status: outcome.status, reason: outcome.reason });
      await deps.store.writeAttempt({ ...claimed, state: "failed", reason: outcome.reason, retryAt: computeRetryAt(outcome.reason, now, outcome.retryAfterSeconds), updatedAt }, etag);
      await problems.record(claimed.tenantId, outcome);
      return;
    }
    // Lost to Teams' own announcement of the install when the write fails: that one is newer. Written before
    // an existing chat is adopted, so the adoption finds the install recorded and does not write it again.
    await deps.store.writeAttempt({ ...claimed, state: outcome.kind === "requested" ? "requested" : "installed", updatedAt }, etag);
    if (outcome.kind === "already_installed") {
      if (outcome.chatId) await adoptChat(claimed.tenantId, claimed.userId, outcome.chatId);
      else deps.log("info", "Cascade was already installed for a person, but Graph named no chat; their cards wait in the tab");
    }
    await problems.clear(claimed.tenantId);
  }

  /** Asks Graph, unless a refusal for someone else paused the tenant while this one waited its turn. */
  async function askGraph(claimed: InstallAttempt): Promise<GraphAnswer> {
    const problem = (await deps.store.getProblem(claimed.tenantId))?.value ?? null;
    if (problem && isTenantPaused(problem, deps.clock.now())) return { kind: "paused", problem };
    try {
      return await (await deps.loadInstaller!()).install(claimed.tenantId, claimed.userId);
    } catch (error) {
      deps.log("warn", "Could not reach Microsoft Graph to install Cascade for a person", { error: describeError(error) });
      return { kind: "failed", reason: "error", status: 0, retryAfterSeconds: null };
    }
  }

  async function install(claimed: InstallAttempt, etag: string): Promise<void> {
    await slots
      .run(async () => finish(claimed, etag, await askGraph(claimed)))
      .catch((error: unknown) => deps.log("warn", "Could not record an install of Cascade", { error: describeError(error) }));
  }

  /** Records what Teams announced. An install only updates an attempt Cascade made; a removal is
   * recorded for everyone, so that Cascade respects it even for people who added the app themselves. */
  async function note(tenantId: string, userId: string, state: "installed" | "removed"): Promise<void> {
    const current = await deps.store.getAttempt(tenantId, userId);
    if (current?.value.state === state || (!current && state === "installed")) return;
    const now = deps.clock.now().toISOString();
    const base: InstallAttempt = current?.value ?? { tenantId, userId, state, reason: null, attemptedAt: now, updatedAt: now, retryAt: null };
    await deps.store.writeAttempt({ ...base, state, reason: null, retryAt: null, updatedAt: now }, current?.etag ?? null);
  }

  /** Claims the person's attempt; null when no install should be asked for now. */
  async function claim(tenantId: string, userId: string): Promise<{ attempt: InstallAttempt; etag: string } | "underway" | null> {
    const now = deps.clock.now();
    const [current, problem] = await Promise.all([deps.store.getAttempt(tenantId, userId), deps.store.getProblem(tenantId)]);
    if (current && isInstallUnderway(current.value, now)) return "underway";
    if ((current && !canRetryInstall(current.value, now)) || isTenantPaused(problem?.value ?? null, now)) return null;
    const attempt: InstallAttempt = { tenantId, userId, state: "requested", reason: null, attemptedAt: now.toISOString(), updatedAt: now.toISOString(), retryAt: null };
    const etag = await deps.store.writeAttempt(attempt, current?.etag ?? null);
    if (etag !== null) return { attempt, etag };
    const winner = await deps.store.getAttempt(tenantId, userId);
    return winner && isInstallUnderway(winner.value, now) ? "underway" : null;
  }

  return {
    async requestInstall(tenantId, userId, keepCard) {
      if (!deps.loadInstaller) return false;
      try {
        if (!(await deps.tenantPolicy(tenantId)).isProactiveInstallEnabled) return false;
        const claimed = await claim(tenantId, userId);
        if (!claimed) return false;
        // Kept before Graph is asked, so Teams' announcement cannot arrive before the card is kept.
        await keepCard?.().catch((error: unknown) => deps.log("warn", "Could not keep a card until Cascade is installed", { error: describeError(error) }));
        if (claimed !== "underway") track(install(claimed.attempt, claimed.etag));
        return true;
      } catch (error) {
        deps.log("warn", "Could not start installing Cascade for a person", { error: describeError(error) });
        return false;
      }
    },
    async noteInstalled(tenantId, userId) {
      await note(tenantId, userId, "installed").catch((error: unknown) => deps.log("warn", "Could not record that Cascade was installed for a person", { error: describeError(error) }));
    },
    async noteRemoved(tenantId, userId) {
      await note(tenantId, userId, "removed").catch((error: unknown) => deps.log("warn", "Could not record that a person removed Cascade", { error: describeError(error) }));
    },
    async describe(tenantId) {
      const lastProblem = deps.loadInstaller ? await problems.describe(tenantId) : null;
      return { isAvailable: deps.loadInstaller !== null, unavailableReason: deps.unavailableReason, lastProblem };
    },
    async whenIdle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
