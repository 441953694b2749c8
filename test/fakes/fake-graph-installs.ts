/** The Teams app installations of the Graph fake: personal-scope installs of the organisation's
 * catalog apps (`/users/{id}/teamwork/installedApps`), the list with `$expand=teamsApp` and
 * `$filter`, and the chat of an installation. As in Graph, an app-only caller needs the application
 * permission TeamsAppInstallation.ReadWriteSelfForUser.All and may install only its own app (the
 * catalog app whose webApplicationInfo names the caller); an app installed already answers 409. */
import { Buffer } from "node:buffer";

export const INSTALL_SELF_PERMISSION = "TeamsAppInstallation.ReadWriteSelfForUser.All";
/** The broader permission that may install any catalog app for a user. */
export const INSTALL_ANY_PERMISSION = "TeamsAppInstallation.ReadWriteForUser.All";

/** An app in the organisation's catalog: `id` is the catalog id, `externalId` the manifest id,
 * `clientId` the Entra app its manifest's webApplicationInfo names. */
export interface CatalogApp {
  id: string;
  externalId: string;
  displayName: string;
  clientId: string;
  /** The bot's app id: the personal chat Teams creates on install is with it. */
  botId: string;
}

export interface InstalledApp {
  id: string;
  userId: string;
  teamsAppId: string;
  chatId: string;
  installedAt: string;
}

export interface InstallCall {
  method: string;
  userId: string;
  /** The app a POST asked for. */
  teamsAppId: string | null;
  status: number;
}

export interface Caller {
  appId: string;
  roles: string[];
}

export interface GraphReply {
  status: number;
  body?: unknown;
}

const INSTALLS_PATH = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps(?:\/([^/]+)(\/chat)?)?$/;

export function isInstallsPath(pathname: string): boolean {
  return INSTALLS_PATH.test(pathname);
}

const graphError = (status: number, code: string, message: string): GraphReply => ({ status, body: { error: { code, message, innerError: { date: new Date().toISOString(), "request-id": crypto.randomUUID() } } } });

export class FakeInstalledApps {
  readonly catalog = new Map<string, CatalogApp>();
  readonly installed = new Map<string, InstalledApp>();
  readonly calls: InstallCall[] = [];
  private readonly listeners: Array<(install: InstalledApp) => void> = [];

  constructor(
    private readonly graphUrl: () => string,
    private readonly hasUser: (id: string) => boolean,
  ) {}

  addCatalogApp(app: CatalogApp): void {
    this.catalog.set(app.id, app);
  }

  /** Installs directly, as a user adding the app in Teams would. */
  install(userId: string, teamsAppId: string): InstalledApp {
    const app = this.catalog.get(teamsAppId)!;
    const id = Buffer.from(`${userId}##${teamsAppId}`).toString("base64");
    const install: InstalledApp = { id, userId, teamsAppId, chatId: `19:${userId}_${app.botId}@unq.gbl.spaces`, installedAt: new Date().toISOString() };
    this.installed.set(id, install);
    for (const listener of this.listeners) listener(install);
    return install;
  }

  /** Called for every install, as Teams would then tell the app's bot. */
  onInstalled(listener: (install: InstalledApp) => void): void {
    this.listeners.push(listener);
  }

  findInstall(userId: string, teamsAppId: string): InstalledApp | undefined {
    return [...this.installed.values()].find((i) => i.userId === userId && i.teamsAppId === teamsAppId);
  }

  handle(method: string, url: URL, body: string, caller: Caller): GraphReply {
    const [, rawUser = "", rawInstall, chat] = INSTALLS_PATH.exec(url.pathname) ?? [];
    const userId = decodeURIComponent(rawUser);
    const call: InstallCall = { method, userId, teamsAppId: null, status: 0 };
    this.calls.push(call);
    const reply = this.route(method, url, body, caller, { userId, installId: rawInstall ? decodeURIComponent(rawInstall) : null, isChat: Boolean(chat) }, call);
    call.status = reply.status;
    return reply;
  }

  private route(method: string, url: URL, body: string, caller: Caller, target: { userId: string; installId: string | null; isChat: boolean }, call: InstallCall): GraphReply {
    const canInstallAny = caller.roles.includes(INSTALL_ANY_PERMISSION);
    if (!canInstallAny && !caller.roles.includes(INSTALL_SELF_PERMISSION)) {
      return graphError(403, "Forbidden", `Missing role permissions on the request. API requires one of '${INSTALL_SELF_PERMISSION}, ${INSTALL_ANY_PERMISSION}'. Roles on the request '${caller.roles.join(",")}'.`);
    }
    if (!this.hasUser(target.userId)) return graphError(404, "NotFound", "The user could not be found.");
    const isVisible = (app: CatalogApp | undefined) => app !== undefined && (canInstallAny || app.clientId === caller.appId);
    if (method === "POST" && !target.installId) return this.create(body, target.userId, isVisible, call);
    if (method === "GET" && !target.installId) return this.list(url, target.userId, isVisible);
    const install = target.installId ? this.installed.get(target.installId) : undefined;
    if (!install || install.userId !== target.userId || !isVisible(this.catalog.get(install.teamsAppId))) return graphError(404, "NotFound", "The installation could not be found.");
    if (method === "GET" && target.isChat) return { status: 200, body: this.renderChat(install) };
    if (method === "GET") return { status: 200, body: this.renderInstall(install, false) };
    return graphError(405, "MethodNotAllowed", "Not supported by the fake.");
  }

  private create(body: string, userId: string, isVisible: (app: CatalogApp | undefined) => boolean, call: InstallCall): GraphReply {
    let bind: unknown;
    try {
      bind = (JSON.parse(body) as Record<string, unknown>)["teamsApp@odata.bind"];
    } catch {
      return graphError(400, "BadRequest", "The request body is not valid JSON.");
    }
    const match = typeof bind === "string" ? /\/appCatalogs\/teamsApps\/([^/]+)$/.exec(bind) : null;
    if (!match || !(bind as string).startsWith(`${this.graphUrl()}/`)) return graphError(400, "BadRequest", "teamsApp@odata.bind must name an app in appCatalogs/teamsApps.");
    const teamsAppId = decodeURIComponent(match[1]!);
    call.teamsAppId = teamsAppId;
    const app = this.catalog.get(teamsAppId);
    if (!app) return graphError(404, "NotFound", "The app was not found in the app catalog.");
    if (!isVisible(app)) return graphError(403, "Forbidden", "An app with the Self permission may install only itself.");
    if (this.findInstall(userId, teamsAppId)) return graphError(409, "Conflict", "The app is already installed for this user.");
    this.install(userId, teamsAppId);
    return { status: 201 };
  }

  private list(url: URL, userId: string, isVisible: (app: CatalogApp | undefined) => boolean): GraphReply {
    const isExpanded = (url.searchParams.get("$expand") ?? "").split(",").includes("teamsApp");
    const filter = /^teamsApp\/(id|externalId) eq '([^']+)'$/.exec(url.searchParams.get("$filter") ?? "");
    if (url.searchParams.has("$filter") && !filter) return graphError(400, "BadRequest", "Only teamsApp/id or teamsApp/externalId eq '…' is supported by the fake.");
    const value = [...this.installed.values()]
      .filter((i) => i.userId === userId && isVisible(this.catalog.get(i.teamsAppId)))
      .filter((i) => !filter || (filter[1] === "id" ? i.teamsAppId : this.catalog.get(i.teamsAppId)!.externalId) === filter[2])
      .map((i) => this.renderInstall(i, isExpanded));
    return { status: 200, body: { "@odata.context": `${this.graphUrl()}/$metadata#users('${userId}')/teamwork/installedApps`, value } };
  }

  private renderInstall(install: InstalledApp, isExpanded: boolean): unknown {
    const app = this.catalog.get(install.teamsAppId)!;
    const teamsApp = { id: app.id, externalId: app.externalId, displayName: app.displayName, distributionMethod: "organization" };
    return { id: install.id, ...(isExpanded ? { teamsApp } : {}) };
  }

  private renderChat(install: InstalledApp): unknown {
    return { "@odata.context": `${this.graphUrl()}/$metadata#chats/$entity`, id: install.chatId, topic: null, createdDateTime: install.installedAt, lastUpdatedDateTime: install.installedAt, chatType: "oneOnOne", webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(install.chatId)}/0`, tenantId: null };
  }
}
