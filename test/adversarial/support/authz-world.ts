/** The organisation the authorisation matrix runs against: the small org chart with an admin, a person
 * in a second tenant, Alice's goals in every state (private titles carry secret markers), and how to
 * turn a row of the table into an HTTP request. */
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { KUDOS_INPUT_ID, COMMENT_INPUT_IDS, closeOutInputIds } from "../../../cards/src/index.js";
import type { Person } from "../../../functions/src/domain/types.js";
import { buildCycle, buildGoalBody, type ApiHarness } from "../../support/api-harness.js";
import { buildPerson } from "../../support/org-builder.js";
import { createManagerGoal } from "../../support/progress-fixtures.js";
import type { Role, Subject } from "./authz-table.js";

export interface GoalRef {
  id: string;
  etag: string;
  keyResultId: string;
}

export interface World {
  api: ApiHarness;
  people: Record<Exclude<Role, "anonymous">, Person>;
  headers: Record<Role, Record<string, string>>;
  goals: Record<string, GoalRef>;
  /** Texts only the owner's management chain may see (private goal titles). */
  secrets: string[];
  /** Text found in every goal of the main tenant, which the other tenant must never see. */
  tenantMarker: string;
  otherTenantMarker: string;
  closableCycleId: string;
  /** The manager's public goal that Alice's goals align to. */
  managerGoalId: string;
  makeGoal(kind: Subject): Promise<GoalRef>;
  makePerson(tenant: "main" | "other"): Promise<Person>;
  makeCycle(isFuture?: boolean): Promise<string>;
  /** Closes out one of Alice's goals that ran, so that her managers may comment on it. */
  closeOut(goal: GoalRef, role?: Role): Promise<GoalRef>;
}

/** The cycle after the harness's own, in both tenants: where goals are carried over to. */
export const NEXT_CYCLE_ID = "2027-q2";

type Json = Record<string, any>;

async function ok(promise: Promise<{ status: number; headers: Headers; body: any }>, status = 200): Promise<{ headers: Headers; body: any }> {
  const res = await promise;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res;
}

export async function buildWorld(api: ApiHarness): Promise<World> {
  const { org } = api;
  const admin = buildPerson({ displayName: "Ada Admin", jobTitle: "IT Administrator", department: "IT", managerId: org.ceo.id });
  const otherTenant = buildPerson({ displayName: "Oscar Other" });
  const otherTenantAdmin = buildPerson({ displayName: "Olivia Other-Admin", managerId: otherTenant.id });
  await api.services.directory.upsertPeople(api.tenantId, [admin]);
  await api.services.directory.upsertPeople(api.otherTenantId, [otherTenant, otherTenantAdmin]);
  await api.services.goalDeps.cycles.saveCycle(buildCycle(api.otherTenantId));
  const people = { owner: org.alice, manager: org.manager, skipManager: org.vp, peer: org.bob, unrelated: org.outsider, admin, otherTenant, otherTenantAdmin };
  const bearer = async (person: Person, tid: string, roles: string[] = []) => ({ authorization: `Bearer ${await api.tokenFor(person, { tid, roles })}` });
  const headers: Record<Role, Record<string, string>> = {
    owner: await bearer(org.alice, api.tenantId),
    manager: await bearer(org.manager, api.tenantId),
    skipManager: await bearer(org.vp, api.tenantId),
    peer: await bearer(org.bob, api.tenantId),
    unrelated: await bearer(org.outsider, api.tenantId),
    admin: await bearer(admin, api.tenantId, ["Cascade.Admin"]),
    otherTenant: await bearer(otherTenant, api.otherTenantId),
    otherTenantAdmin: await bearer(otherTenantAdmin, api.otherTenantId, ["Cascade.Admin"]),
    anonymous: {},
  };
  const tenantMarker = `TENANTONE${randomUUID().slice(0, 8)}`;
  const otherTenantMarker = `TENANTTWO${randomUUID().slice(0, 8)}`;
  const secrets: string[] = [];
  const as = (role: Role) => ({ headers: headers[role] });
  const managerGoalId = await createManagerGoal(api, org, { title: `Make checkout the fastest ${tenantMarker}` });

  async function create(role: Role, visibility: "public" | "private", overrides: Json = {}): Promise<Json> {
    const marker = visibility === "private" ? `SECRET${randomUUID().slice(0, 8)}` : "";
    if (marker) secrets.push(marker);
    const tenant = role.startsWith("otherTenant") ? otherTenantMarker : tenantMarker;
    // Alice aligns to her manager's goal; the other tenant's person heads that organisation.
    const alignment = tenant === tenantMarker ? { parentId: managerGoalId } : { parentId: null, isTopLevel: true };
    const body = buildGoalBody({ title: `Cut checkout time ${tenant} ${marker}`.trim(), visibility, ...alignment, ...overrides });
    return (await ok(api.request("POST", "/api/goals", { ...as(role), body }), 201)).body;
  }
  const ref = async (role: Role, id: string): Promise<GoalRef> => {
    const res = await ok(api.request("GET", `/api/goals/${id}`, as(role)));
    return { id, etag: res.headers.get("etag")!, keyResultId: res.body.keyResults[0].id };
  };
  async function activate(id: string): Promise<void> {
    await ok(api.request("POST", `/api/goals/${id}/submit`, as("owner")));
    await ok(api.request("POST", `/api/goals/${id}/decision`, { ...as("manager"), body: { decision: "approve" } }));
  }

  async function makeGoal(kind: Subject): Promise<GoalRef> {
    switch (kind) {
      case "publicActive":
      case "privateActive": {
        const goal = await create("owner", kind === "publicActive" ? "public" : "private");
        await activate(goal.id);
        return ref("owner", goal.id);
      }
      case "publicDraft":
      case "privateDraft":
        return ref("owner", (await create("owner", kind === "publicDraft" ? "public" : "private")).id);
      case "privatePending": {
        const goal = await create("owner", "private");
        await ok(api.request("POST", `/api/goals/${goal.id}/submit`, as("owner")));
        return ref("owner", goal.id);
      }
      case "publicChildOfPrivate": {
        const parent = await create("owner", "private");
        await activate(parent.id);
        const child = await create("owner", "public", { parentId: parent.id });
        await activate(child.id);
        return ref("owner", child.id);
      }
      case "otherTenantGoal":
        return ref("otherTenant", (await create("otherTenant", "public")).id);
      default:
        throw new Error(`${kind} is not a goal`);
    }
  }

  async function makePerson(tenant: "main" | "other"): Promise<Person> {
    const person = buildPerson({ displayName: "Erin Erasable", managerId: tenant === "main" ? org.manager.id : otherTenant.id });
    await api.services.directory.upsertPeople(tenant === "main" ? api.tenantId : api.otherTenantId, [person]);
    return person;
  }

  async function makeCycle(isFuture = false): Promise<string> {
    const id = `closable-${randomUUID().slice(0, 8)}`;
    const dates = isFuture ? { startDate: "2028-01-01", endDate: "2028-03-31" } : { startDate: "2026-01-01", endDate: "2026-03-31" };
    await api.services.goalDeps.cycles.saveCycle(buildCycle(api.tenantId, { id, name: `Closable ${id}`, ...dates }));
    return id;
  }

  async function closeOut(goal: GoalRef, role: Role = "owner"): Promise<GoalRef> {
    await ok(api.request("POST", `/api/goals/${goal.id}/close-out`, { ...as(role), body: { score: 40, outcome: "partly", reflection: "Halfway there." } }));
    return ref(role, goal.id);
  }

  // Close-out is open in Alice's cycle (and the other tenant's), and each has a next cycle to carry goals into.
  for (const tenantId of [api.tenantId, api.otherTenantId]) {
    await api.services.goalDeps.cycles.saveCycle(buildCycle(tenantId, { closeOutOpenedAt: new Date().toISOString() }));
    await api.services.goalDeps.cycles.saveCycle(buildCycle(tenantId, { id: NEXT_CYCLE_ID, name: "Q2 2027", startDate: "2027-04-01", endDate: "2027-06-30" }));
  }

  const goals: Record<string, GoalRef> = {};
  for (const kind of ["publicActive", "privateActive", "publicDraft", "privateDraft", "privatePending", "publicChildOfPrivate", "otherTenantGoal"] as const) goals[kind] = await makeGoal(kind);
  // Alice's manager checks in on a goal and comments, so the lists the matrix reads are not empty.
  await ok(api.request("POST", `/api/goals/${goals.privateActive!.id}/comments`, { ...as("manager"), body: { text: "Keep going." } }), 201);
  await ok(api.request("POST", `/api/goals/${goals.privateActive!.id}/kudos`, { ...as("manager"), body: { message: "Thanks." } }), 201);
  await ok(api.request("POST", `/api/goals/${goals.privateActive!.id}/checkins`, { ...as("owner"), body: { keyResults: [{ id: goals.privateActive!.keyResultId, current: 50 }], confidence: "on_track" } }), 201);
  goals.privateActive = await ref("owner", goals.privateActive!.id);
  for (const kind of ["publicActive", "privateActive", "publicChildOfPrivate"] as const) goals[kind] = await closeOut(goals[kind]!);
  return { api, people, headers, goals, secrets, tenantMarker, otherTenantMarker, closableCycleId: await makeCycle(), managerGoalId, makeGoal, makePerson, makeCycle, closeOut };
}

export interface BuiltRequest {
  method: string;
  path: string;
  body?: unknown;
  /** Sent as it is, with the content type in headers (a file upload). */
  rawBody?: string;
  headers?: Record<string, string>;
}

/** The data a card action carries for a goal, as Teams would send it after the person filled the inputs. */
function cardData(verb: string, goal: GoalRef, cycleId: string): Json {
  const base = { goalId: goal.id, version: goal.etag };
  if (verb === "goal.requestChanges") return { ...base, [COMMENT_INPUT_IDS.requestChanges]: "Please sharpen the key result." };
  if (verb === "goal.reject") return { ...base, [COMMENT_INPUT_IDS.reject]: "Not this quarter." };
  if (verb === "checkin.submit") return { ...base, [`${goal.id}.kr.${goal.keyResultId}.current`]: "60", [`${goal.id}.confidence`]: "on_track" };
  if (verb === "kudos.send") return { ...base, [KUDOS_INPUT_ID]: "Thank you for this." };
  if (verb === "closeout.carryOver") return { ...base, cycleId: NEXT_CYCLE_ID, goalIds: [goal.id] };
  // Teams asks for the close-out card's current state: each reader gets their own goals of the cycle, nobody else's.
  if (verb === "closeout.refresh") return { cycleId, goalIds: [goal.id] };
  if (verb === "closeout.submit") return { ...base, [closeOutInputIds.score(goal.id)]: "55", [closeOutInputIds.outcome(goal.id)]: "partly", [closeOutInputIds.reflection(goal.id)]: "From the card, in the matrix." };
  return base;
}

/** Turns an operation, subject and role into the request that role would send. */
export async function buildRequest(world: World, operation: string, subject: Subject, role: Role, fresh: { goal?: GoalRef; person?: Person; cycleId?: string }): Promise<BuiltRequest> {
  const { api, people } = world;
  const cycle = api.cycle.id;
  if (operation.startsWith("card ")) {
    const goal = fresh.goal ?? world.goals[subject]!;
    return { method: "POST", path: "/api/card-actions", body: { verb: operation.slice(5), data: cardData(operation.slice(5), goal, api.cycle.id) } };
  }
  const [method, template] = operation.split(" ") as [string, string];
  const goal = fresh.goal ?? world.goals[subject];
  const personId = fresh.person?.id ?? (subject === "managersTeam" ? people.manager.id : subject === "alice" ? people.owner.id : subject === "otherTenantPerson" ? people.otherTenant.id : undefined);
  const path = template
    .replace("{id}", template.startsWith("/api/goals/") ? goal!.id : template.startsWith("/api/admin/cycles/") ? (fresh.cycleId ?? world.closableCycleId) : template.startsWith("/api/cycles/") ? cycle : personId!)
    .replace("{personId}", personId!)
    .replace("{job}", "reminders");
  const ifMatch = goal ? { "if-match": goal.etag } : undefined;
  switch (operation) {
    case "GET /api/goals":
      return { method, path: subject === "alice" ? `${path}?owner=${people.owner.id}` : path };
    case "POST /api/goals":
      return { method, path, body: buildGoalBody({ title: `A new goal from the matrix` }) };
    case "PATCH /api/goals/{id}":
      return { method, path, headers: ifMatch, body: { description: "Customers abandon slow checkouts; a faster one keeps more of them buying." } };
    case "DELETE /api/goals/{id}":
    case "POST /api/goals/{id}/submit":
      return { method, path, headers: ifMatch };
    case "POST /api/goals/{id}/decision":
      return { method, path, body: { decision: "approve" } };
    case "POST /api/goals/{id}/close":
      return { method, path, body: { outcome: "completed" } };
    case "POST /api/goals/{id}/close-out":
      return { method, path, body: { score: 70, outcome: "partly", reflection: "Most of the way, from the matrix." } };
    case "POST /api/goals/{id}/close-out/comments":
      return { method, path, body: { text: "A word on the close-out from the matrix." } };
    case "POST /api/goals/{id}/carry-over":
      return { method, path, body: { cycleId: NEXT_CYCLE_ID } };
    case "GET /api/cycles/{id}/close-out":
    case "GET /api/cycles/{id}/report":
      return { method, path: `${path}?manager=${personId}` };
    case "POST /api/goals/{id}/checkins":
      return { method, path, body: { keyResults: [{ id: goal!.keyResultId, current: 70 }], confidence: "on_track" } };
    case "POST /api/goals/{id}/kudos":
      return { method, path, body: { message: "Thank you for this." } };
    case "POST /api/goals/{id}/comments":
      return { method, path, body: { text: "A word from the matrix." } };
    case "POST /api/goals/{id}/reassign":
      return { method, path, body: { newOwnerId: people.peer.id } };
    case "POST /api/goals/{id}/close-for-leaver":
      return { method, path, body: { outcome: "cancelled" } };
    case "GET /api/alignment/parent-options":
      return { method, path: `${path}?cycle=${cycle}` };
    case "GET /api/alignment":
      return { method, path: subject === "managersTeam" ? `${path}?cycle=${cycle}&root=${world.managerGoalId}` : `${path}?cycle=${cycle}` };
    case "GET /api/dashboard":
    case "GET /api/export/goals.csv":
      return { method, path: `${path}?manager=${personId}&cycle=${cycle}` };
    case "POST /api/dashboard/pins":
      return { method, path, body: { teamId: randomUUID() } };
    case "GET /api/org/{personId}/cascade":
      return { method, path: `${path}?cycle=${cycle}` };
    case "GET /api/org/{personId}/search":
      return { method, path: `${path}?cycle=${cycle}&q=SECRET` };
    case "PUT /api/me/time-zone":
      return { method, path, body: { timeZone: "Europe/Berlin" } };
    case "POST /api/cycles":
      return { method, path, body: { name: `Matrix cycle ${randomUUID().slice(0, 8)}`, startDate: "2027-04-01", endDate: "2027-06-30" } };
    case "PUT /api/admin/reminders":
      return { method, path, body: await readAdminBody(world, role, "/api/admin/reminders") };
    case "PUT /api/admin/settings": {
      const current = await api.request("GET", "/api/admin/settings", { headers: world.headers[role.startsWith("otherTenant") ? "otherTenantAdmin" : "admin"] });
      const { isApprovalRequired, organisationGoalOwnerIds } = current.body;
      return { method, path, headers: { "if-match": current.headers.get("etag")! }, body: { isApprovalRequired, organisationGoalOwnerIds, reminders: { hour: 8 } } };
    }
    case "GET /api/admin/people":
      return { method, path: `${path}?q=Alice` };
    case "POST /api/admin/erase":
      return { method, path, body: { personId } };
    case "POST /api/admin/imports":
      return { method, path: `${path}?dryRun=true`, headers: { "content-type": "text/csv" }, rawBody: `id,type,title,owner,cycle\ng1,goal,Matrix import,${people.owner.mail ?? people.owner.id},${cycle}\n` };
    case "POST /api/dev/token":
      return { method, path, body: { userId: people.owner.id } };
    case "POST /api/dev/jobs/{job}":
      return { method, path, body: {} };
    case "POST /api/messages":
      return { method, path, body: { type: "message", text: "my goals", from: { id: "29:x", aadObjectId: people.owner.id }, recipient: { id: "28:bot" }, conversation: { id: "a:x" }, serviceUrl: "http://127.0.0.1:9/" } };
    default:
      return { method, path };
  }
}

async function readAdminBody(world: World, role: Role, path: string): Promise<unknown> {
  const res = await world.api.request("GET", path, { headers: world.headers[role.startsWith("otherTenant") ? "otherTenantAdmin" : "admin"] });
  return res.body;
}
