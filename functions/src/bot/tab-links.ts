/** Links from chat cards into the tab. With the Teams app id known they are Teams deep links, which
 * open the personal tab inside Teams; without it they are plain web links to the same view. */
import type { Config } from "../config.js";

export interface TabLinkSettings {
  /** Where the tab is served, without a trailing slash. */
  appUrl: string;
  /** The Teams app's id in the organisation's app catalog; absent until an admin sets TEAMS_APP_ID. */
  teamsAppId?: string | undefined;
}

export type TabPage = "my-goals" | "approvals" | "team" | "dashboard";

export interface TabLinkTarget {
  page: TabPage;
  /** Opens this goal in the page (the tab reads it as `goal` on the web, `subEntityId` in Teams). */
  goalId?: string;
  /** Whose team the dashboard shows; only the web view can take it, Teams opens the reader's own team. */
  managerId?: string;
}

/** `entityId` must match a static tab's entityId in appPackage/manifest.template.json. The dashboard
 * has no static tab of its own, so inside Teams it opens the Team tab. */
const PAGES: Record<TabPage, { entityId: string; view: string; label: string }> = {
  "my-goals": { entityId: "mine", view: "my-goals", label: "My goals" },
  approvals: { entityId: "approvals", view: "approvals", label: "Approvals" },
  team: { entityId: "team", view: "team", label: "Team" },
  dashboard: { entityId: "team", view: "dashboard", label: "Team" },
};

const TEAMS_ENTITY_LINK = "https://teams.microsoft.com/l/entity";

/** The one place that decides where the tab lives, for every card that links to it. */
export function buildTabLinkSettings(config: Pick<Config, "tabDomain" | "port" | "teamsAppId">): TabLinkSettings {
  const appUrl = config.tabDomain ? `https://${config.tabDomain}` : `http://localhost:${config.port}`;
  return { appUrl, teamsAppId: config.teamsAppId };
}

function buildWebLink(appUrl: string, view: string, target: TabLinkTarget): string {
  const goal = target.goalId ? `&goal=${encodeURIComponent(target.goalId)}` : "";
  const manager = target.managerId ? `&manager=${encodeURIComponent(target.managerId)}` : "";
  return `${appUrl.replace(/\/+$/, "")}/?view=${view}${goal}${manager}`;
}

export function buildTabLink(settings: TabLinkSettings, target: TabLinkTarget): string {
  const page = PAGES[target.page];
  const webUrl = buildWebLink(settings.appUrl, page.view, target);
  if (!settings.teamsAppId) return webUrl;
  // The fallback web URL carries its own query, so each value is encoded as a whole.
  const query = [`webUrl=${encodeURIComponent(webUrl)}`, `label=${encodeURIComponent(page.label)}`];
  if (target.goalId) query.push(`context=${encodeURIComponent(JSON.stringify({ subEntityId: target.goalId }))}`);
  return `${TEAMS_ENTITY_LINK}/${encodeURIComponent(settings.teamsAppId)}/${encodeURIComponent(page.entityId)}?${query.join("&")}`;
}

/** Opens the goal in the tab. */
export function buildGoalUrl(links: TabLinkSettings, goalId: string): string {
  return buildTabLink(links, { page: "my-goals", goalId });
}

export function buildApprovalsUrl(links: TabLinkSettings, goalId?: string): string {
  return buildTabLink(links, goalId ? { page: "approvals", goalId } : { page: "approvals" });
}

export function buildMyGoalsUrl(links: TabLinkSettings): string {
  return buildTabLink(links, { page: "my-goals" });
}

export function buildDashboardUrl(links: TabLinkSettings, managerId: string): string {
  return buildTabLink(links, { page: "dashboard", managerId });
}
