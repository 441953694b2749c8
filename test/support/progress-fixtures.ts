/** Helpers for the check-in, dashboard and feedback tests: active goals made through the real API. */
import { expect } from "vitest";
import type { Person } from "../../functions/src/domain/types.js";
import { buildGoalBody } from "./api-harness.js";

type Caller = { request<T = any>(method: string, path: string, options?: { as?: Person; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; headers: Headers; body: T }> };

/** An organisation goal of the CEO (active at once: no manager), and the manager's goal aligned to it,
 * approved by the manager's own manager. Returns the manager's goal id. */
export async function createManagerGoal(api: Caller, org: { ceo: Person; vp: Person; manager: Person }, overrides: Record<string, unknown> = {}): Promise<string> {
  const top = await api.request("POST", "/api/goals", { as: org.ceo, body: buildGoalBody({ title: "Grow online revenue in every market", isTopLevel: true, ...overrides }) });
  expect((await api.request("POST", `/api/goals/${top.body.id}/submit`, { as: org.ceo })).body.status).toBe("active");
  const goal = await createActiveGoal(api, org.manager, org.vp, { title: "Make checkout the fastest in the market", parentId: top.body.id, ...overrides });
  return goal.id;
}

/** Creates, submits and approves a goal, so it is active. */
export async function createActiveGoal(api: Caller, owner: Person, approver: Person, overrides: Record<string, unknown> = {}): Promise<any> {
  const created = await api.request("POST", "/api/goals", { as: owner, body: buildGoalBody(overrides) });
  expect(created.status).toBe(201);
  await api.request("POST", `/api/goals/${created.body.id}/submit`, { as: owner });
  const approved = await api.request("POST", `/api/goals/${created.body.id}/decision`, { as: approver, body: { decision: "approve" } });
  expect(approved.body.status).toBe("active");
  return approved.body;
}

export const milestoneAndNumber = [
  { title: "Median checkout time", kind: "number", start: 90, target: 30, current: 90, unit: "s" },
  { title: "One-page checkout shipped", kind: "milestone", done: false },
];
