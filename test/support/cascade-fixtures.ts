/** Builders for cascade and reorg tests on top of the API harness: small org charts of their own
 * (each with its own root, so tests in one tenant never meet), goals in a given state, a cycle that
 * is under way today, and directory changes that run the same reaction the sync runs. */
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { diffPeople } from "../../functions/src/directory/directory-changes.js";
import { toPatch } from "../../functions/src/store/org-packing.js";
import type { ReorgReport } from "../../functions/src/domain/reorg.js";
import type { Cycle, Person } from "../../functions/src/domain/types.js";
import { createTableDirectory, type DirectoryUpdate } from "../../functions/src/store/directory-store.js";
import { buildGoalBody, type ApiHarness } from "./api-harness.js";
import { buildPerson } from "./org-builder.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A cycle that started 60 days ago and ends in 30: about two thirds of it has gone by. */
export function buildRunningCycle(tenantId: string, now = new Date()): Cycle {
  const id = `run-${randomUUID().slice(0, 8)}`;
  return { tenantId, id, name: "Running quarter", startDate: isoDay(new Date(now.getTime() - 60 * DAY_MS)), endDate: isoDay(new Date(now.getTime() + 30 * DAY_MS)), status: "open" };
}

/** People named by the spec's keys, each reporting to the person named by its value. */
export function buildOrgChart<const S extends Record<string, string | null>>(spec: S): Record<keyof S & string, Person> {
  const suffix = randomUUID().slice(0, 4);
  const names = Object.keys(spec) as Array<keyof S & string>;
  const people = {} as Record<keyof S & string, Person>;
  for (const name of names) people[name] = buildPerson({ displayName: `${name} ${suffix}` });
  for (const name of names) {
    const manager = spec[name] as (keyof S & string) | null;
    people[name] = { ...people[name], managerId: manager ? people[manager].id : null };
  }
  return people;
}

export async function addPeople(api: ApiHarness, people: Record<string, Person>): Promise<void> {
  await api.services.directory.upsertPeople(api.tenantId, Object.values(people));
}

export interface GoalOptions {
  cycle: Cycle;
  parentId?: string | null;
  isTopLevel?: boolean;
  visibility?: "public" | "private";
  /** Current value of the one key result, which runs from 0 to 100. */
  current?: number;
  title?: string;
}

export async function createGoal(api: ApiHarness, owner: Person, options: GoalOptions): Promise<any> {
  const body = buildGoalBody({
    cycleId: options.cycle.id,
    dueDate: options.cycle.endDate,
    title: options.title ?? `Grow what matters for ${owner.displayName} ${randomUUID().slice(0, 4)}`,
    parentId: options.parentId ?? null,
    visibility: options.visibility ?? "public",
    keyResults: [{ title: "Share done", kind: "number", start: 0, target: 100, current: options.current ?? 0, unit: "%" }],
    ...(options.isTopLevel ? { isTopLevel: true } : {}),
  });
  const res = await api.request("POST", "/api/goals", { as: owner, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export async function submitGoal(api: ApiHarness, owner: Person, goalId: string): Promise<any> {
  const res = await api.request("POST", `/api/goals/${goalId}/submit`, { as: owner });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** Created, submitted and, when it waits for a manager, approved by them. */
export async function createActiveGoal(api: ApiHarness, owner: Person, options: GoalOptions): Promise<any> {
  const goal = await createGoal(api, owner, options);
  const submitted = await submitGoal(api, owner, goal.id);
  if (submitted.status === "active") return submitted;
  const approved = await api.request("POST", `/api/goals/${goal.id}/decision`, { as: submitted.approverId, body: { decision: "approve" } });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  return approved.body;
}

/** Applies the update to the directory and runs the goal-side reaction with the changes found. */
export async function changeDirectory(api: ApiHarness, update: DirectoryUpdate): Promise<ReorgReport> {
  const directory = createTableDirectory(api.services.tables);
  const result = await directory.applyUpdate(api.tenantId, update);
  const report = await api.services.cascade.applyDirectoryChanges(api.tenantId, diffPeople(result.changes));
  expect(report.failures).toEqual([]);
  return report;
}

export function moveTo(api: ApiHarness, person: Person, managerId: string | null): Promise<ReorgReport> {
  return changeDirectory(api, { patches: [toPatch({ ...person, managerId })] });
}

export function disable(api: ApiHarness, person: Person): Promise<ReorgReport> {
  return changeDirectory(api, { patches: [toPatch({ ...person, accountEnabled: false })] });
}

export function remove(api: ApiHarness, person: Person): Promise<ReorgReport> {
  return changeDirectory(api, { patches: [], removals: [person.id] });
}

export async function readGoal(api: ApiHarness, viewer: Person, goalId: string): Promise<any> {
  const res = await api.request("GET", `/api/goals/${goalId}`, { as: viewer });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

export async function readHistory(api: ApiHarness, viewer: Person, goalId: string): Promise<any[]> {
  const res = await api.request("GET", `/api/goals/${goalId}/history`, { as: viewer });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items;
}
