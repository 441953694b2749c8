/** In-memory ProgressDeps for tests of the check-in, kudos, reminder and digest cards: a manager and
 * their report, goals kept in a map, and every card sent recorded instead of delivered. */
import type { AdaptiveCard } from "../../cards/src/index.js";
import type { Kudos } from "../../functions/src/contracts/feedback.js";
import type { Versioned } from "../../functions/src/domain/ports.js";
import { DEFAULT_REMINDER_SETTINGS } from "../../functions/src/domain/reminders.js";
import { buildTestCycle, buildTestGoal, buildTestPerson } from "./test-goals.js";
import type { CheckIn, Goal, Person, Principal } from "../../functions/src/domain/types.js";
import type { PersonReminderState } from "../../functions/src/store/reminder-store.js";
import { notifyKudos } from "../../functions/src/bot/feedback-notifier.js";
import type { TabLinkSettings } from "../../functions/src/bot/tab-links.js";
import type { ProgressDeps } from "../../functions/src/bot/progress-ports.js";

export const TEST_TENANT = "t1";

export interface SentCard {
  personId: string;
  card: AdaptiveCard;
}

export interface ProgressTestWorld {
  deps: ProgressDeps;
  manager: Person;
  report: Person;
  sent: SentCard[];
  addGoal(overrides: Partial<Goal>): Goal;
  principalOf(person: Person): Principal;
}

function createGoalMap() {
  const goals = new Map<string, Versioned<Goal>>();
  const checkIns = new Map<string, CheckIn[]>();
  let version = 0;
  const put = (goal: Goal): Versioned<Goal> => {
    const stored = { value: goal, etag: `v${++version}` };
    goals.set(goal.id, stored);
    return stored;
  };
  const list = (match: (g: Goal) => boolean) => [...goals.values()].filter((g) => match(g.value));
  return { goals, checkIns, put, list };
}

export function createProgressTestWorld(links: TabLinkSettings, now: Date): ProgressTestWorld {
  const manager = buildTestPerson("m1", null, { displayName: "Maria Manager" });
  const report = buildTestPerson("p1", "m1", { displayName: "Pat Report" });
  const people = new Map([manager, report].map((p) => [p.id, p]));
  const store = createGoalMap();
  const states = new Map<string, PersonReminderState>();
  const kudos: Kudos[] = [];
  const sent: SentCard[] = [];
  const announced = new Set<string>();
  const noticed = new Set<string>();
  const cycle = buildTestCycle({ startDate: "2027-01-01", endDate: "2027-03-31" });
  const stateOf = (id: string): PersonReminderState => states.get(id) ?? { personId: id, lastReminderAt: null, lastDigestAt: null, timeZone: null, locale: null };
  const deps: ProgressDeps = {
    ...links,
    goals: {
      getGoal: async (_tenantId, goalId) => store.goals.get(goalId) ?? null,
      listGoalsByOwner: async (_tenantId, ownerId, filter) => store.list((g) => g.ownerId === ownerId && (!filter.status || g.status === filter.status) && (!filter.cycleId || g.cycleId === filter.cycleId)),
      listChildGoals: async (_tenantId, parentId) => store.list((g) => g.parentId === parentId),
      async saveGoal(write) {
        store.checkIns.set(write.goal.id, [...(write.checkIns ?? []), ...(store.checkIns.get(write.goal.id) ?? [])]);
        return store.put(write.goal);
      },
      deleteGoal: async (_tenantId, goal) => void store.goals.delete(goal.id),
      listAudit: async () => [],
    },
    checkIns: { listCheckIns: async (_tenantId, goal) => ({ items: store.checkIns.get(goal.id) ?? [], nextCursor: null }) },
    cycles: { listCycles: async () => [cycle], getCycle: async (_tenantId, id) => (id === cycle.id ? cycle : null), saveCycle: async () => undefined },
    directory: {
      getPerson: async (_tenantId, id) => people.get(id) ?? null,
      getManagerChain: async (_tenantId, id) => (id === report.id ? [manager] : []),
      listDirectReports: async (_tenantId, id) => (id === manager.id ? [report] : []),
      listSubtree: async (_tenantId, id) => (id === manager.id ? [report] : []),
      listTeams: async (_tenantId, ids) => new Map(ids.map((id) => [id, id === manager.id ? [{ person: report, hasReports: false }] : []])),
    },
    clock: { now: () => now },
    ids: { newId: (() => { let n = 0; return () => `id-${++n}`; })() },
    tenantPolicy: async () => ({ isApprovalRequired: true, organisationGoalOwnerIds: [] }),
    events: { publish: async () => undefined },
    rollUps: { readTeam: async () => ({ people: new Map(), rollUps: new Map() }) },
    channels: { pins: { savePin: async () => undefined, hasPin: async () => false }, membership: null },
    riskMargin: async () => DEFAULT_REMINDER_SETTINGS.riskMargin,
    feedback: {
      addKudos: async (_tenantId, given) => (kudos.some((k) => k.id === given.id) ? false : (kudos.push(given), true)),
      listKudos: async (_tenantId, goalId) => kudos.filter((k) => k.goalId === goalId),
      addComment: async () => undefined,
      listComments: async () => [],
    },
    feedbackEvents: { kudosGiven: (tenantId, given, goal) => notifyKudos(deps, tenantId, given, goal) },
    reminders: {
      tables: [],
      getSettings: async () => DEFAULT_REMINDER_SETTINGS,
      saveSettings: async () => undefined,
      listStates: async () => new Map(states),
      getState: async (_tenantId, id) => stateOf(id),
      updateState: async (_tenantId, id, fields) => void states.set(id, { ...stateOf(id), ...fields }),
    },
    closeOutNotices: {
      listAnnouncedCycles: async () => new Set(announced),
      markAnnounced: async (_tenantId, cycleId) => void announced.add(cycleId),
      claimPerson: async (_tenantId, cycleId, personId) => (noticed.has(`${cycleId}|${personId}`) ? null : (noticed.add(`${cycleId}|${personId}`), "claim")),
      settlePerson: async () => undefined,
      releasePerson: async (_tenantId, cycleId, personId) => void noticed.delete(`${cycleId}|${personId}`),
    },
    conversations: { getConversation: async () => null },
    async *listPeople() {
      yield* people.values();
    },
    async sendCard(_tenantId, personId, card) {
      sent.push({ personId, card });
      return true;
    },
    log: () => undefined,
  };
  return {
    deps,
    manager,
    report,
    sent,
    addGoal: (overrides) => store.put(buildTestGoal({ tenantId: TEST_TENANT, ownerId: report.id, cycleId: cycle.id, ...overrides })).value,
    principalOf: (person) => ({ tenantId: TEST_TENANT, userId: person.id, name: person.displayName, roles: [] }),
  };
}
