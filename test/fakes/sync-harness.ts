/** Wires the Entra and Graph fakes, Azurite tables and syncDirectory together for sync tests, and
 * reads back what the store holds in the fake's terms. */
import { randomUUID } from "node:crypto";
import type { Person } from "../../functions/src/domain/types.js";
import { syncDirectory, type SyncDirectoryOptions, type SyncResult } from "../../functions/src/directory/graph-sync.js";
import { createTableDirectory, type TableDirectory } from "../../functions/src/store/directory-store.js";
import { createSyncStateStore, type SyncStateStore } from "../../functions/src/store/sync-state-store.js";
import { createTableFactory } from "../../functions/src/store/tables.js";
import { startFakeEntra, type FakeEntra } from "./fake-entra.js";
import { startFakeGraph, type FakeGraph, type StartFakeGraphOptions } from "./fake-graph.js";
import type { DirectoryUser } from "./org-generator.js";

export type PersonView = Omit<Person, "updatedAt">;

export interface SyncHarness {
  tenantId: string;
  entra: FakeEntra;
  graph: FakeGraph;
  directory: TableDirectory;
  syncState: SyncStateStore;
  options: SyncDirectoryOptions;
  sync(overrides?: Partial<SyncDirectoryOptions>): Promise<SyncResult>;
  close(): Promise<void>;
}

export interface HarnessOptions extends Partial<Omit<StartFakeGraphOptions, "tenantId" | "users" | "verifyKey">> {
  connectionString: string;
  users: DirectoryUser[];
}

export async function startSyncHarness(options: HarnessOptions): Promise<SyncHarness> {
  const tenantId = randomUUID();
  const { connectionString, users, ...graphOptions } = options;
  const factory = createTableFactory({ kind: "connectionString", connectionString });
  const directory = createTableDirectory(factory);
  const syncState = createSyncStateStore(factory);
  await factory.ensureTables([...directory.tables, ...syncState.tables]);
  const entra = await startFakeEntra();
  const clientId = randomUUID();
  const clientSecret = randomUUID();
  entra.registerClient(tenantId, clientId, clientSecret);
  const graph = await startFakeGraph({ ...graphOptions, tenantId, users, verifyKey: entra.verifyKey });
  const syncOptions: SyncDirectoryOptions = { tenantId, clientId, clientSecret, authorityHost: entra.url, graphBaseUrl: graph.url, directory, syncState, retryDelaySeconds: 0.05 };
  return {
    tenantId,
    entra,
    graph,
    directory,
    syncState,
    options: syncOptions,
    sync: (overrides = {}) => syncDirectory({ ...syncOptions, ...overrides }),
    close: async () => {
      await graph.close();
      await entra.close();
    },
  };
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** What the store should hold: every current user of the fake. */
export function expectedPeople(graph: FakeGraph): PersonView[] {
  return [...graph.state.users.values()]
    .map((u) => ({ id: u.id, displayName: u.displayName, mail: u.mail, jobTitle: u.jobTitle, department: u.department, managerId: u.managerId, accountEnabled: u.accountEnabled, ...(u.preferredLanguage ? { preferredLanguage: u.preferredLanguage } : {}), ...(u.userPrincipalName ? { userPrincipalName: u.userPrincipalName } : {}) }))
    .sort(byId);
}

export async function storedPeople(directory: TableDirectory, tenantId: string): Promise<PersonView[]> {
  const people: PersonView[] = [];
  for await (const { updatedAt: _updatedAt, ...person } of directory.listPeople(tenantId)) people.push(person);
  return people.sort(byId);
}

/** Direct reports per manager, by id, as the fake defines them (self-managers excluded). */
export function expectedTeams(graph: FakeGraph): Map<string, string[]> {
  const teams = new Map<string, string[]>();
  for (const user of graph.state.users.values()) {
    if (!user.managerId || user.managerId === user.id) continue;
    teams.set(user.managerId, [...(teams.get(user.managerId) ?? []), user.id]);
  }
  for (const list of teams.values()) list.sort();
  return teams;
}

export async function storedTeams(directory: TableDirectory, tenantId: string, managerIds: Iterable<string>): Promise<Map<string, string[]>> {
  const teams = new Map<string, string[]>();
  for (const id of managerIds) {
    const reports = await directory.listDirectReports(tenantId, id);
    if (reports.length > 0) teams.set(id, reports.map((p) => p.id).sort());
  }
  return teams;
}
