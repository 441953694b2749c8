/** Links from chat cards into the tab. With the Teams app id known they are Teams deep links, which
 * open the personal tab inside Teams; without it they are plain web links to the same view. */

export interface TabLinkSettings {
  /** Where the tab is served, without a trailing slash. */
  appUrl: string;
  /** The Teams app's manifest id; absent until the app package is registered. */
  teamsAppId?: string | undefined;
}

export type TabPage = "my-goals" | "approvals" | "team";

export interface TabLinkTarget {
  page: TabPage;
  /** Opens this goal in the page (the tab reads it as `goal` on the web, `subEntityId` in Teams). */
  goalId?: string;
}

/** `entityId` must match the static tab's entityId in appPackage/manifest.template.json. */
const PAGES: Record<TabPage, { entityId: string; view: string; label: string }> = {
  "my-goals": { entityId: "mine", view: "my-goals", label: "My goals" },
  approvals: { entityId: "approvals", view: "approvals", label: "Approvals" },
  team: { entityId: "team", view: "team", label: "Team" },
};

const TEAMS_ENTITY_LINK = "https://teams.microsoft.com/l/entity";

function buildWebLink(appUrl: string, view: string, goalId: string | undefined): string {
  const goal = goalId ? `&goal=${encodeURIComponent(goalId)}` : "";
  return `${appUrl.replace(/\/+$/, "")}/?view=${view}${goal}`;
}

export function buildTabLink(settings: TabLinkSettings, target: TabLinkTarget): string {
  const page = PAGES[target.page];
  const webUrl = buildWebLink(settings.appUrl, page.view, target.goalId);
  if (!settings.teamsAppId) return webUrl;
  // The fallback web URL carries its own query, so each value is encoded as a whole.
  const query = [`webUrl=${encodeURIComponent(webUrl)}`, `label=${encodeURIComponent(page.label)}`];
  if (target.goalId) query.push(`context=${encodeURIComponent(JSON.stringify({ subEntityId: target.goalId }))}`);
  return `${TEAMS_ENTITY_LINK}/${encodeURIComponent(settings.teamsAppId)}/${encodeURIComponent(page.entityId)}?${query.join("&")}`;
}
