/** Setting the scene through the API as demo people, so a browser test spends its time on the page. */
import { expect } from "vitest";
import type { DemoPerson } from "./my-goals-page.js";

export async function fetchDemoPeople(baseUrl: string): Promise<DemoPerson[]> {
  const response = await fetch(new URL("/api/dev/users", baseUrl));
  if (!response.ok) throw new Error(`GET /api/dev/users answered ${response.status}`);
  return (await response.json()) as DemoPerson[];
}

export async function fetchDevToken(baseUrl: string, userId: string): Promise<string> {
  const response = await fetch(new URL("/api/dev/token", baseUrl), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ userId }) });
  if (!response.ok) throw new Error(`POST /api/dev/token answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

export async function callApiAs(baseUrl: string, userId: string, method: string, path: string, body?: unknown): Promise<any> {
  const headers = { authorization: `Bearer ${await fetchDevToken(baseUrl, userId)}`, "content-type": "application/json" };
  const response = await fetch(new URL(path, baseUrl), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  expect(response.ok, `${method} ${path} → ${response.status}`).toBe(true);
  return response.status === 204 ? undefined : response.json();
}

export interface GoalCast {
  owner: DemoPerson;
  manager: DemoPerson;
  /** Someone in the organisation who neither owns the goal nor manages its owner. */
  colleague: DemoPerson;
}

function isAbove(people: DemoPerson[], candidateId: string, personId: string): boolean {
  let current = people.find((person) => person.id === personId);
  while (current?.managerId) {
    if (current.managerId === candidateId) return true;
    current = people.find((person) => person.id === current?.managerId);
  }
  return false;
}

async function findCurrentCycleId(baseUrl: string, userId: string): Promise<string> {
  return (await callApiAs(baseUrl, userId, "GET", "/api/cycles")).items.find((candidate: any) => candidate.isCurrent).id;
}

async function listParentGoalIds(baseUrl: string, userId: string): Promise<string[]> {
  const cycleId = await findCurrentCycleId(baseUrl, userId);
  return (await callApiAs(baseUrl, userId, "GET", `/api/alignment/parent-options?cycle=${cycleId}`)).items.map((option: any) => option.goal.id);
}

/** People with unique names, so the sign-in search finds exactly them, and an owner with a goal
 * above them to align to, so their goal can be sent for approval. */
export async function pickGoalCast(baseUrl: string, people: DemoPerson[]): Promise<GoalCast> {
  const counts = new Map<string, number>();
  for (const person of people) counts.set(person.displayName, (counts.get(person.displayName) ?? 0) + 1);
  const isUnique = (person: DemoPerson) => counts.get(person.displayName) === 1;
  for (const owner of people.filter(isUnique)) {
    const manager = people.find((person) => person.id === owner.managerId);
    if (!manager || !isUnique(manager)) continue;
    const colleague = people.find((person) => isUnique(person) && person.id !== owner.id && !isAbove(people, person.id, owner.id));
    if (colleague && (await listParentGoalIds(baseUrl, owner.id)).length > 0) return { owner, manager, colleague };
  }
  throw new Error("The demo organisation has no owner, manager and colleague with unique names");
}

/** A public goal the owner wrote and the manager approved, so it can be thanked. */
export async function createApprovedGoal(baseUrl: string, cast: GoalCast, title: string): Promise<string> {
  const cycle = (await callApiAs(baseUrl, cast.owner.id, "GET", "/api/cycles")).items.find((candidate: any) => candidate.isCurrent);
  const [parentId] = await listParentGoalIds(baseUrl, cast.owner.id);
  const goal = await callApiAs(baseUrl, cast.owner.id, "POST", "/api/goals", {
    cycleId: cycle.id,
    title,
    description: "Every new hire should ship something in their first week; today most wait three.",
    dueDate: cycle.endDate,
    visibility: "public",
    parentId,
    weight: 1,
    keyResults: [{ title: "New hires who ship in week one", kind: "number", start: 10, target: 80, current: 10, unit: "%" }],
  });
  await callApiAs(baseUrl, cast.owner.id, "POST", `/api/goals/${goal.id}/submit`);
  const decided = await callApiAs(baseUrl, cast.manager.id, "POST", `/api/goals/${goal.id}/decision`, { decision: "approve", comment: null });
  expect(decided.status).toBe("active");
  return goal.id;
}
