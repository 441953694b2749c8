/** A loopback Microsoft Graph for the org sync: /v1.0/users (up to 999 a page) and /v1.0/users/delta
 * (200 a page, watermarks in $skiptoken/$deltatoken, manager@delta, @removed), bearer tokens checked
 * against the Entra fake, and faults on demand: throttling storms with Retry-After, 503s, expired
 * delta tokens (410) and users repeated across pages. Also the Teams app installations of users
 * (fake-graph-installs.ts), gated by the token's application permissions. */
import { jwtVerify } from "jose";
import type { IncomingMessage, ServerResponse } from "node:http";
import { GRAPH_AUDIENCE } from "./fake-entra.js";
import { FakeDirectoryState } from "./fake-directory-state.js";
import { FakeInstalledApps, isInstallsPath, type Caller } from "./fake-graph-installs.js";
import { FakeTeams, isTeamMembersPath } from "./fake-graph-teams.js";
import { listen, readBody, sendJson } from "./loopback-http.js";
import { buildDeltaItems, decodeToken, encodeToken, parseSelect, renderDeltaItem, renderUser, type DeltaItemSpec } from "./fake-graph-render.js";
import type { DirectoryUser } from "./org-generator.js";

export interface FaultRule {
  route: "users" | "delta" | "installedApps" | "teamMembers" | "any";
  status: 429 | 503 | 500;
  /** Seconds, as Graph sends it; tests may use small or fractional values. */
  retryAfter?: string;
  times: number;
}

export interface RequestRecord {
  at: number;
  route: string;
  status: number;
  retryAfter?: string;
  throttlePriority?: string;
}

export interface FakeGraphOptions {
  deltaPageSize: number;
  usersMaxPageSize: number;
  /** Delta rounds return only changed properties, as with Prefer: return=minimal. */
  isPartial: boolean;
  /** Users show up again on the next page; partial changes split over two pages. */
  hasDuplicates: boolean;
}

export interface FakeGraph {
  /** Graph base URL including the version, e.g. http://127.0.0.1:1234/v1.0 */
  url: string;
  state: FakeDirectoryState;
  /** The organisation's app catalog and the apps installed for users. */
  apps: FakeInstalledApps;
  /** Teams and their members (`/teams/{id}/members`). */
  teams: FakeTeams;
  options: FakeGraphOptions;
  faults: FaultRule[];
  requests: RequestRecord[];
  /** Every delta or skip token issued so far now answers 410 Gone. */
  expireDeltaTokens(): void;
  close(): Promise<void>;
}

export interface StartFakeGraphOptions extends Partial<FakeGraphOptions> {
  tenantId: string;
  users: DirectoryUser[];
  verifyKey: CryptoKey;
}

export async function startFakeGraph(start: StartFakeGraphOptions): Promise<FakeGraph> {
  const state = new FakeDirectoryState(start.users);
  const acceptedTokens = new Map<string, Caller>();
  let generation = 0;

  /** The calling app and its application permissions; null for a token Graph would refuse. */
  async function readCaller(req: IncomingMessage): Promise<Caller | null> {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    if (!token) return null;
    const known = acceptedTokens.get(token);
    if (known) return known;
    try {
      const { payload } = await jwtVerify(token, start.verifyKey, { audience: GRAPH_AUDIENCE, issuer: `https://sts.windows.net/${start.tenantId}/` });
      if (payload.tid !== start.tenantId) return null;
      const caller: Caller = { appId: String(payload["appid"] ?? ""), roles: Array.isArray(payload["roles"]) ? payload["roles"].map(String) : [] };
      acceptedTokens.set(token, caller);
      return caller;
    } catch {
      return null;
    }
  }

  function takeFault(route: string): FaultRule | undefined {
    const rule = fake.faults.find((f) => f.times > 0 && (f.route === "any" || f.route === route));
    if (rule) rule.times--;
    return rule;
  }

  function listUsers(url: URL): unknown {
    const token = url.searchParams.get("$skiptoken");
    const cursor = token ? (decodeToken(token) as { o: number; n: number; s: string | null; e: boolean }) : null;
    const top = Math.min(cursor?.n ?? Number(url.searchParams.get("$top") ?? 100), fake.options.usersMaxPageSize);
    const select = cursor ? cursor.s : url.searchParams.get("$select");
    const expandManager = cursor ? cursor.e : /^manager/.test(url.searchParams.get("$expand") ?? "");
    const offset = cursor?.o ?? 0;
    const ids = state.listIds();
    const value = ids.slice(offset, offset + top).map((id) => renderUser(state.users.get(id)!, parseSelect(select), expandManager ? "expand" : "none"));
    const next = offset + top < ids.length ? { "@odata.nextLink": `${fake.url}/users?$skiptoken=${encodeToken({ o: offset + top, n: top, s: select, e: expandManager })}` } : {};
    return { "@odata.context": `${fake.url}/$metadata#users`, value, ...next };
  }

  function deltaPage(url: URL): { status: number; body: unknown } {
    const skip = url.searchParams.get("$skiptoken");
    const delta = url.searchParams.get("$deltatoken");
    let cursor: { k: "i" | "d"; f: number; t: number; o: number; s: string | null; g: number };
    if (skip) cursor = decodeToken(skip) as typeof cursor;
    else if (delta) {
      const mark = decodeToken(delta) as { t: number; s: string | null; g: number };
      cursor = { k: "d", f: mark.t, t: state.seq, o: 0, s: mark.s, g: mark.g };
    } else cursor = { k: "i", f: 0, t: state.seq, o: 0, s: url.searchParams.get("$select"), g: generation };
    if (cursor.g < generation) {
      return { status: 410, body: { error: { code: "SyncStateNotFound", message: "The sync state is not found or has expired. Restart the sync without a token." } } };
    }
    const select = parseSelect(cursor.s);
    const size = fake.options.deltaPageSize;
    const items = cursor.k === "i" ? null : buildDeltaItems(state.changesBetween(cursor.f, cursor.t), fake.options);
    const specs: DeltaItemSpec[] = items ? items.slice(cursor.o, cursor.o + size) : initialSpecs(cursor.o, size);
    const total = items ? items.length : state.listIds().length;
    const value = specs.map((spec) => renderDeltaItem(state, spec, select, fake.options.isPartial && cursor.k === "d"));
    const link = cursor.o + size < total ? { "@odata.nextLink": `${fake.url}/users/delta?$skiptoken=${encodeToken({ ...cursor, o: cursor.o + size })}` } : { "@odata.deltaLink": `${fake.url}/users/delta?$deltatoken=${encodeToken({ t: cursor.t, s: cursor.s, g: cursor.g })}` };
    return { status: 200, body: { "@odata.context": `${fake.url}/$metadata#users`, ...link, value } };
  }

  function initialSpecs(offset: number, size: number): DeltaItemSpec[] {
    const ids = state.listIds();
    const page = ids.slice(offset, offset + size).map((id): DeltaItemSpec => ({ id }));
    if (fake.options.hasDuplicates && offset > 0) page.unshift({ id: ids[offset - 1]! });
    return page;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://loopback");
    const route = url.pathname === "/v1.0/users/delta" ? "delta" : url.pathname === "/v1.0/users" ? "users" : isInstallsPath(url.pathname) ? "installedApps" : isTeamMembersPath(url.pathname) ? "teamMembers" : "other";
    const record: RequestRecord = { at: performance.now(), route, status: 200, throttlePriority: req.headers["x-ms-throttle-priority"] as string | undefined };
    fake.requests.push(record);
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      sendJson(res, status, body, headers);
    };
    const caller = await readCaller(req);
    if (!caller) return reply(401, { error: { code: "InvalidAuthenticationToken", message: "Access token validation failure." } });
    const fault = route === "other" ? undefined : takeFault(route);
    if (fault) {
      record.retryAfter = fault.retryAfter;
      const code = fault.status === 429 ? "TooManyRequests" : fault.status === 503 ? "ServiceUnavailable" : "InternalServerError";
      return reply(fault.status, { error: { code, message: "Injected fault." } }, fault.retryAfter ? { "retry-after": fault.retryAfter } : {});
    }
    if (route === "installedApps") {
      const answer = fake.apps.handle(req.method ?? "GET", url, await readBody(req), caller);
      if (answer.body !== undefined) return reply(answer.status, answer.body);
      record.status = answer.status;
      res.writeHead(answer.status, { "content-length": 0 });
      return void res.end();
    }
    if (route === "teamMembers") {
      const answer = fake.teams.handle(req.method ?? "GET", url, caller);
      return reply(answer.status, answer.body);
    }
    if (req.method === "GET" && route === "users") return reply(200, listUsers(url));
    if (req.method === "GET" && route === "delta") {
      const { status, body } = deltaPage(url);
      return reply(status, body);
    }
    reply(404, { error: { code: "Request_ResourceNotFound", message: "Not found." } });
  }

  const server = await listen(handle);
  const fake: FakeGraph = {
    url: `${server.url}/v1.0`,
    state,
    apps: new FakeInstalledApps(() => fake.url, (id) => state.users.has(id)),
    teams: new FakeTeams(),
    options: { deltaPageSize: start.deltaPageSize ?? 200, usersMaxPageSize: start.usersMaxPageSize ?? 999, isPartial: start.isPartial ?? false, hasDuplicates: start.hasDuplicates ?? false },
    faults: [],
    requests: [],
    expireDeltaTokens: () => {
      generation++;
    },
    close: () => server.close(),
  };
  return fake;
}
