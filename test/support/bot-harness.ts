/** The real API and bot endpoint over HTTP for bot tests: Azurite storage, Entra-mode user tokens
 * from a local issuer, and a loopback Bot Service that signs activities and receives the cards. */
import { randomUUID } from "node:crypto";
import { loadConfig } from "../../functions/src/config.js";
import { createServices, type Services } from "../../functions/src/composition/services.js";
import { startLocalHost } from "../../functions/dev/local-host.js";
import { DEFAULT_TAB_DIR } from "../../functions/dev/start-cascade.js";
import type { Person } from "../../functions/src/domain/types.js";
import { buildCycle, type ApiResponse } from "./api-harness.js";
import { startBotFrameworkFake, type BotFrameworkFake, type ConnectorCall } from "./bot-framework-fake.js";
import { buildSmallOrg } from "./org-builder.js";
import { startTestIssuer, type TestIssuer } from "./test-issuer.js";

export interface BotHarness {
  url: string;
  tenantId: string;
  org: ReturnType<typeof buildSmallOrg>;
  services: Services;
  fake: BotFrameworkFake;
  /** Calls the API as a person, with an Entra-mode token. */
  request<T = any>(method: string, path: string, options?: { as?: Person; roles?: string[]; body?: unknown; headers?: Record<string, string> }): Promise<ApiResponse<T>>;
  /** Posts an activity to /api/messages with a Bot Framework token (or the given authorization). */
  postActivity<T = any>(activity: Record<string, unknown>, authorization?: string | null): Promise<ApiResponse<T>>;
  stop(): Promise<void>;
}

/** The Teams id (MRI) the fake gives a person, the way Teams does in personal chats. */
export const teamsIdOf = (person: Person) => `29:${person.id}`;
export const conversationOf = (person: Person) => `a:personal-${person.id}`;

export function buildActivity(h: Pick<BotHarness, "tenantId" | "fake">, person: Person, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    id: randomUUID(),
    channelId: "msteams",
    serviceUrl: h.fake.serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: teamsIdOf(person), name: person.displayName, aadObjectId: person.id },
    recipient: { id: `28:${h.fake.botId}`, name: "Cascade" },
    conversation: { id: conversationOf(person), conversationType: "personal", tenantId: h.tenantId },
    channelData: { tenant: { id: h.tenantId } },
    ...fields,
  };
}

export function buildInstall(h: Pick<BotHarness, "tenantId" | "fake">, person: Person) {
  return buildActivity(h, person, { type: "installationUpdate", action: "add" });
}

export function buildInvoke(h: Pick<BotHarness, "tenantId" | "fake">, person: Person, verb: string, data: Record<string, unknown>) {
  return buildActivity(h, person, { type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" } });
}

/** Cards the bot sent or updated in a person's chat, oldest first. */
export function callsTo(fake: BotFrameworkFake, person: Person, kind?: ConnectorCall["kind"]): ConnectorCall[] {
  return fake.calls.filter((call) => call.conversationId === conversationOf(person) && (!kind || call.kind === kind));
}

export function cardOf(call: ConnectorCall | undefined): any {
  return call?.activity.attachments?.[0]?.content;
}

async function readResponse<T>(response: Response): Promise<ApiResponse<T>> {
  const text = await response.text();
  const isJson = /json/.test(response.headers.get("content-type") ?? "") && text !== "";
  return { status: response.status, headers: response.headers, body: (isJson ? JSON.parse(text) : text) as T };
}

/** `env` adds or overrides settings, e.g. TEAMS_APP_ID; `tenantId` lets fakes started before the
 * harness (a Graph fake checks the tenant of its tokens) serve the harness's tenant. */
export async function startBotHarness(connectionString: string, env: Record<string, string> = {}, options: { tenantId?: string } = {}): Promise<BotHarness> {
  const [issuer, fake]: [TestIssuer, BotFrameworkFake] = await Promise.all([startTestIssuer(), startBotFrameworkFake()]);
  const tenantId = options.tenantId ?? randomUUID();
  const config = loadConfig({
    AUTH_MODE: "entra",
    AAD_APP_CLIENT_ID: issuer.clientId,
    ALLOWED_TENANT_IDS: tenantId,
    ENTRA_JWKS_URL: issuer.jwksUrl,
    ENTRA_AUTHORITY_HOST: issuer.authorityHost,
    STORAGE_CONNECTION_STRING: connectionString,
    BOT_ID: fake.botId,
    BOT_OPENID_METADATA_URL: fake.openIdMetadataUrl,
    LOG_LEVEL: "error",
    ...env,
  });
  const services = await createServices(config, { tabDir: DEFAULT_TAB_DIR, botTokenProvider: () => fake.issueBotToken() });
  const org = buildSmallOrg();
  await services.directory.upsertPeople(tenantId, org.all);
  await services.goalDeps.cycles.saveCycle(buildCycle(tenantId));
  const host = await startLocalHost({ port: 0, services });

  return {
    url: host.url,
    tenantId,
    org,
    services,
    fake,
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      // The issuer follows ENTRA_AUTHORITY_HOST, which a test may point at an Entra fake for Graph tokens.
      const iss = `${config.entra.authorityHost}/${tenantId}/v2.0`;
      if (options.as) headers["authorization"] = `Bearer ${await issuer.mint({ tid: tenantId, oid: options.as.id, name: options.as.displayName, roles: options.roles, iss })}`;
      if (options.body !== undefined) headers["content-type"] = "application/json";
      const body = options.body === undefined ? undefined : JSON.stringify(options.body);
      return readResponse(await fetch(`${host.url}${path}`, { method, headers, body }));
    },
    async postActivity(activity, authorization) {
      const headers: Record<string, string> = { "content-type": "application/json" };
      const token = authorization === undefined ? `Bearer ${await fake.mintServiceToken()}` : authorization;
      if (token) headers["authorization"] = token;
      return readResponse(await fetch(`${host.url}/api/messages`, { method: "POST", headers, body: JSON.stringify(activity) }));
    },
    async stop() {
      await host.close();
      await Promise.all([issuer.close(), fake.close()]);
    },
  };
}
