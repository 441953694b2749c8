/** The read side of the org chart over packed entities: a person from their shard, a team from its
 * manager's pack, chains and subtrees walked safely. The store supplies the loading. */
import type { DirectoryReader } from "../domain/ports.js";
import type { Person } from "../domain/types.js";
import { shardOf } from "./org-packing.js";
import type { LoadedPack, LoadedShard } from "./org-plan.js";
import { walkManagerChain, walkSubtree } from "../domain/org-walk.js";

export interface OrgSource {
  /** Shards holding at least the rows that can hold these people. */
  loadPeople(tenantId: string, ids: Set<string>): Promise<Map<number, LoadedShard>>;
  loadPacks(tenantId: string, managerIds: string[]): Promise<Map<string, LoadedPack>>;
}

export interface OrgReader extends DirectoryReader {
  getPeople(tenantId: string, ids: Iterable<string>): Promise<Map<string, Person>>;
  /** Everyone below the manager, as listSubtree, or null when that takes more than `maxPacks` team reads. */
  listSubtreeWithin(tenantId: string, managerId: string, maxPacks: number): Promise<Person[] | null>;
}

const byName = (a: Person, b: Person) => a.displayName.localeCompare(b.displayName) || (a.id < b.id ? -1 : 1);

export function createOrgReader(source: OrgSource): OrgReader {
  async function getPeople(tenantId: string, ids: Iterable<string>): Promise<Map<string, Person>> {
    const wanted = new Set(ids);
    const found = new Map<string, Person>();
    if (wanted.size === 0) return found;
    const shards = await source.loadPeople(tenantId, wanted);
    for (const id of wanted) {
      const person = shards.get(shardOf(id))?.people.get(id);
      if (person) found.set(id, person);
    }
    return found;
  }

  const getPerson = async (tenantId: string, personId: string) => (await getPeople(tenantId, [personId])).get(personId) ?? null;

  async function readTeams(tenantId: string, ids: string[]) {
    const packs = await source.loadPacks(tenantId, ids);
    const teams = [...packs].map(([id, pack]) => [id, [...pack.reports.values()].sort(byName).map((person) => ({ person, hasReports: pack.withReports.has(person.id) }))] as const);
    return new Map(teams);
  }

  return {
    getPeople,
    getPerson,
    getManagerChain: (tenantId, personId) => walkManagerChain(personId, (id) => getPerson(tenantId, id)),
    async listDirectReports(tenantId, managerId) {
      const pack = (await source.loadPacks(tenantId, [managerId])).get(managerId);
      return pack ? [...pack.reports.values()].sort(byName) : [];
    },
    listSubtree: (tenantId, managerId) => walkSubtree(managerId, (ids) => readTeams(tenantId, ids)),
    listTeams: readTeams,
    async listSubtreeWithin(tenantId, managerId, maxPacks) {
      let reads = 0;
      let isTooLarge = false;
      const below = await walkSubtree(managerId, async (ids) => {
        reads += ids.length;
        if (reads > maxPacks) isTooLarge = true;
        return isTooLarge ? new Map() : readTeams(tenantId, ids);
      });
      return isTooLarge ? null : below;
    },
  };
}
