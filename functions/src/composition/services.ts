/** The composition root: reads config once and wires adapters to the domain. */
import { randomUUID } from "node:crypto";
import type { DevIssuer } from "../auth/dev-issuer.js";
import { createRemoteKeys, createTokenVerifier, entraAudiences, entraIssuers, type TokenVerifier } from "../auth/verify-token.js";
import type { Config } from "../config.js";
import { DEMO_ADMIN_IDS, DEMO_PEOPLE, DEMO_TENANT_ID } from "../directory/demo-org.js";
import type { AdminLogEntry } from "../domain/admin.js";
import type { GoalDeps } from "../domain/goal-context.js";
import { createGoalOperations, type GoalOperations } from "../domain/goal-operations.js";
import type { DirectoryReader, DirectoryWriter } from "../domain/ports.js";
import type { PeopleLookup } from "../domain/cascade-ports.js";
import type { Person, Principal } from "../domain/types.js";
import { VERBS } from "../../../cards/src/verbs.js";
import { handleCheckInAction } from "../bot/checkin-actions.js";
import { handleKudosAction } from "../bot/kudos-actions.js";
import { handleCarryOverAction, handleCloseOutAction, handleCloseOutRefresh } from "../bot/close-out-actions.js";
import type { BotServices } from "../bot/bot-api.js";
import { createLazyBot } from "../bot/lazy-bot.js";
import type { BotTokenProvider } from "../bot/teams-sdk-app.js";
import { createEventBus, type EventBus } from "../events.js";
import { createAppInstallStore } from "../store/app-install-store.js";
import { createCardStore } from "../store/card-store.js";
import { createConversationStore } from "../store/conversation-store.js";
import { createCycleStore, createSettingsStore, type SettingsStore } from "../store/cycle-store.js";
import { createTableDirectory } from "../store/directory-store.js";
import { createRollUpStore, type RollUpStore } from "../store/rollup-store.js";
import { createRollUpRebuild, withRollUpDirectory } from "./rollup-upkeep.js";
import { rollUpUpkeep } from "../domain/team-rollup-service.js";
import { alignmentUpkeep, rebuildAlignment } from "../domain/alignment-rollups.js";
import { createAlignmentRows } from "../store/alignment-rows.js";
import { createGoalStore } from "../store/goal-store.js";
import { withCycleCache } from "../store/cycle-cache.js";
import { createProgressServices } from "./progress-services.js";
import { createTableFactory, type TableFactory } from "../store/tables.js";
import { createLogger } from "../logging.js";
import { describeError, type Logger } from "../domain/logger.js";
import { createAdminServices, type AdminServices } from "./admin-services.js";
import { createDemoSyncRunner, createGraphSyncRunner } from "./admin-sync.js";
import { createSyncStateStore } from "../store/sync-state-store.js";
import { createCascadeServices, type CascadeServices } from "./cascade-services.js";
import { cascadeIndexUpkeep } from "../domain/cascade-indexing.js";
import { withUpkeep } from "../domain/goal-upkeep.js";
import { withWriteIntents } from "../domain/write-intents.js";
import { createPendingWrites } from "../store/pending-writes.js";
import { startWriteRepair, type WriteRepair } from "./write-repair.js";
import { createCascadeIndex } from "../store/cascade-index.js";
import type { ProgressDeps } from "../bot/progress-ports.js";
import type { PersonLocales } from "../bot/card-locale.js";
import { createPersonLocales } from "../bot/person-locales.js";
import { createErasedPeople } from "../store/erased-people.js";
import { refuseErasedPeople } from "../auth/refuse-erased.js";
import type { TeamMembership } from "../domain/channel-dashboards.js";
import { createGraphTeamMembership } from "../graph/team-membership.js";
import { createChannelPinStore } from "../store/channel-pin-store.js";

/** Graph tells who is in a team only with the app's credential; without it, channel members are not told apart. */
function createTeamMembership(config: Config): TeamMembership | null {
  const { clientId, clientSecret, authorityHost } = config.entra;
  return clientId && clientSecret ? createGraphTeamMembership({ graphBaseUrl: config.graphBaseUrl, clientId, clientSecret, authorityHost }) : null;
}

/** How long an instance trusts "this person was not erased"; an erasure on the same instance counts at once. */
const ERASED_CHECK_TTL_MS = 30_000;

export interface DevServices {
  tenantId: string;
  adminIds: readonly string[];
  issuer: DevIssuer;
  listDemoPeople(): Promise<Person[]>;
}

export interface Services {
  config: Config;
  /** Storage itself: for the composition and tests only; routes see {@link RouteServices}. */
  tables: TableFactory;
  verifyToken: TokenVerifier;
  /** The goal stores and clock: for the composition, jobs and tests only; routes call {@link Services.goals}. */
  goalDeps: GoalDeps;
  /** Goal operations, bound to goalDeps: what routes call. */
  goals: GoalOperations;
  directory: DirectoryReader & DirectoryWriter & PeopleLookup;
  settings: SettingsStore;
  events: EventBus;
  /** Teams bot: card actions, conversations, proactive cards and the Approvals inbox. */
  bot: BotServices;
  /** Check-ins, dashboards, kudos, comments and reminders. */
  progress: ProgressDeps;
  /** Cascade views, reorg reactions (the directory sync calls cascade.onDirectoryChanges) and leaver decisions. */
  cascade: CascadeServices;
  /** Admin settings, admin jobs (directory sync) and the admin log. */
  admin: AdminServices;
  /** Team roll-ups: the rows dashboards read, and their rebuild from the goals. */
  rollUps: { store: RollUpStore; rebuild(tenantId: string): Promise<{ people: number; goals: number; rowsChanged: number; alignment: { rows: number; rowsChanged: number } }> };
  /** The language each person reads cards in, and the record of the one they use Cascade in. */
  locales: PersonLocales;
  dev: DevServices | null;
  /** Folder of the built tab. */
  tabDir: string;
  checkStorage(): Promise<boolean>;
  log: Logger;
}


/** What a route sees: domain operations and services, never the stores behind them. */
export type RouteServices = Omit<Services, "tables" | "goalDeps">;

async function createVerifier(config: Config, issuer: DevIssuer | null): Promise<TokenVerifier> {
  if (issuer) {
    const { DEV_AUDIENCE, devIssuerFor } = await import("../auth/dev-issuer.js");
    return createTokenVerifier({ getKey: issuer.getKey, issuersFor: (tid) => [devIssuerFor(tid)], audiences: [DEV_AUDIENCE], allowedTenantIds: [DEMO_TENANT_ID] });
  }
  return createTokenVerifier({
    getKey: createRemoteKeys(config.entra.jwksUrl),
    issuersFor: (tid) => entraIssuers(config.entra.authorityHost, tid),
    audiences: entraAudiences(config.entra.clientId, config.tabDomain),
    allowedTenantIds: config.entra.allowedTenantIds,
  });
}

export interface ServiceDefaults {
  tabDir: string;
  /** Tests only: replaces how the bot obtains Bot Framework tokens for its outgoing messages. */
  botTokenProvider?: BotTokenProvider;
}

export async function createServices(config: Config, defaults: ServiceDefaults): Promise<Services> {
  const log = createLogger(config.logLevel);
  const tables = createTableFactory(config.storage);
  const cycles = withCycleCache(createCycleStore(tables));
  const settings = createSettingsStore(tables);
  const rollUpStore = createRollUpStore(tables);
  const conversations = createConversationStore(tables);
  const cards = createCardStore(tables);
  const appInstallStore = createAppInstallStore(tables);
  const cascadeIndex = createCascadeIndex(tables);
  const goalStore = createGoalStore(tables);
  const now = () => new Date();
  const directory = withRollUpDirectory(createTableDirectory(tables), { rollUps: rollUpStore, goals: goalStore, now, log });
  const pendingWrites = createPendingWrites(tables);
  const alignmentRows = createAlignmentRows(tables);
  // Once a goal is written, what is kept beside it is kept side by side: the alignment roll-ups up the
  // alignment chain, the team roll-ups up the management chain, the goal's place in the cascade index.
  const keptGoals = withUpkeep(goalStore, [
    alignmentUpkeep(goalStore, alignmentRows, (error, goalId) => log("warn", "Could not update the alignment roll-ups", { goalId, error: describeError(error) })),
    rollUpUpkeep(goalStore, { rollUps: rollUpStore, directory, clock: { now } }, (error) => log("warn", "Could not update the team roll-ups", { error: describeError(error) })),
    cascadeIndexUpkeep(directory, cascadeIndex, (error, goalId) => log("warn", "Could not update the cascade index", { goalId, error: describeError(error) })),
  ]);
  // The repair starts once everything it needs exists; a write whose upkeep fails before then is repaired at the next start.
  let writeRepair: WriteRepair | null = null;
  const goals = withWriteIntents(keptGoals, {
    pending: pendingWrites,
    newId: () => randomUUID(),
    now: () => new Date(),
    onError: (error, goalId) => log("warn", "Could not clear a finished goal write", { goalId, error: describeError(error) }),
    onUnfinished: (intent) => writeRepair?.later(intent),
  });
  // Only local development loads the dev issuer; its key generation (on the thread pool) overlaps the storage round trip.
  const [issuer] = await Promise.all([
    config.authMode === "dev" ? import("../auth/dev-issuer.js").then(({ createDevIssuer }) => createDevIssuer()) : null,
    tables.ensureTables([...goals.tables, ...cycles.tables, ...settings.tables, ...directory.tables, ...conversations.tables, ...cards.tables, ...appInstallStore.tables, ...rollUpStore.tables, ...cascadeIndex.tables, ...pendingWrites.tables]),
  ]);
  const events = createEventBus((error) => log("error", "A goal event handler failed", { error: describeError(error) }));
  const goalDeps: GoalDeps = {
    goals,
    cycles,
    directory,
    clock: { now: () => new Date() },
    ids: { newId: () => randomUUID() },
    tenantPolicy: (tenantId) => settings.getPolicy(tenantId),
    events,
  };
  const dev: DevServices | null = issuer
    ? { tenantId: DEMO_TENANT_ID, adminIds: DEMO_ADMIN_IDS, issuer, listDemoPeople: async () => DEMO_PEOPLE }
    : null;
  const allowedTenantIds = dev ? [dev.tenantId] : config.entra.allowedTenantIds.map((t) => t.toLowerCase());
  const cardActions = {
    [VERBS.submitCheckIn]: (viewer: Principal, data: Record<string, unknown>) => handleCheckInAction(progress, viewer, data),
    [VERBS.sendKudos]: (viewer: Principal, data: Record<string, unknown>) => handleKudosAction(progress, viewer, data),
    [VERBS.submitCloseOut]: (viewer: Principal, data: Record<string, unknown>) => handleCloseOutAction(progress, viewer, data),
    [VERBS.carryOver]: (viewer: Principal, data: Record<string, unknown>) => handleCarryOverAction(progress, viewer, data),
    [VERBS.refreshCloseOut]: (viewer: Principal, data: Record<string, unknown>) => handleCloseOutRefresh(progress, viewer, data),
  };
  const addAdminLogEntry = (tenantId: string, entry: AdminLogEntry) => admin.store.addLogEntry(tenantId, entry);
  const erased = createErasedPeople(tables, { ttlMs: ERASED_CHECK_TTL_MS });
  const isErased = (tenantId: string, userId: string) => erased.isErased(tenantId, userId);
  // A person's language is kept with their reminder state (made below); it is read only once cards are sent.
  const locales = createPersonLocales({ reminders: { getState: (t, p) => progress.reminders.getState(t, p), updateState: (t, p, f) => progress.reminders.updateState(t, p, f) }, directory, tenantPolicy: goalDeps.tenantPolicy });
  const bot = createLazyBot({ config, goalDeps, conversations, cards, appInstallStore, events, log, addAdminLogEntry, allowedTenantIds, botTokenProvider: defaults.botTokenProvider, cardActions, isErased, locales });
  const channels = { pins: createChannelPinStore(tables), membership: createTeamMembership(config) };
  const progress = createProgressServices({ config, tables, goalDeps, checkIns: goals, rollUps: rollUpStore, channels, events, conversations, listPeople: (tenantId) => directory.listPeople(tenantId), sendCard: (tenantId, personId, card) => bot.sendCard(tenantId, personId, card), log, locales });
  const cascade = createCascadeServices({ tables, goalDeps, people: directory, cascadeIndex, alignment: alignmentRows, rollUps: rollUpStore, riskMargin: progress.riskMargin, listPeople: (tenantId) => directory.listPeople(tenantId), listSubtreeWithin: (tenantId, managerId, maxPacks) => directory.listSubtreeWithin(tenantId, managerId, maxPacks), log });
  const syncState = createSyncStateStore(tables);
  const rebuildTeams = createRollUpRebuild(directory, { rollUps: rollUpStore, goals: goalStore, now });
  // The team roll-ups, then the alignment roll-ups: the nightly job and the end of an import.
  const rebuildViews = async (tenantId: string, people?: readonly Person[]) => ({ ...(await rebuildTeams(tenantId, people)), alignment: await rebuildAlignment(alignmentRows, tenantId) });
  const runSync = dev ? createDemoSyncRunner(directory) : createGraphSyncRunner({ config, directory, syncState, onChanges: (tenantId, changes) => cascade.onDirectoryChanges(tenantId, changes) });
  const admin = createAdminServices({ tables, goalDeps, policy: settings, reminders: progress.reminders, directory, erased, onDirectoryChanges: (tenantId, changes) => cascade.onDirectoryChanges(tenantId, [...changes]), log, runSync, listPeople: (tenantId) => directory.listPeople(tenantId), describeAppInstall: (tenantId) => bot.appInstalls.describe(tenantId), importViews: { cascadeIndex, rebuildRollUps: rebuildViews } });
  // The tables were listed above, so this round trip happens only for tables that do not exist yet.
  await tables.ensureTables([...progress.tables, ...admin.tables, ...syncState.tables]);
  const settingsTable = tables.getClient(settings.tables[0]!);
  writeRepair = startWriteRepair({ pending: pendingWrites, goalStore, directory, cascadeIndex, rollUps: rollUpStore, alignment: alignmentRows, log });
  return {
    config,
    tables,
    verifyToken: refuseErasedPeople(await createVerifier(config, issuer), erased),
    goalDeps,
    goals: createGoalOperations(goalDeps),
    directory,
    settings,
    events,
    bot,
    progress,
    cascade,
    admin,
    rollUps: { store: rollUpStore, rebuild: rebuildViews },
    locales,
    dev,
    tabDir: config.tabDir ?? defaults.tabDir,
    log,
    async checkStorage() {
      try {
        const page = settingsTable.listEntities({ queryOptions: { filter: "PartitionKey eq '-'" } }).byPage({ maxPageSize: 1 });
        await page.next();
        return true;
      } catch {
        return false;
      }
    },
  };
}
