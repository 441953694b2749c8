/** What a channel tab pins: the dashboard of one manager's team, and the team whose members may see it
 * there. Pure, so it is tested without Teams. */

export interface PinnedDashboard {
  contentUrl: string;
  websiteUrl: string;
  entityId: string;
  suggestedDisplayName: string;
}

export function buildPinnedDashboard(origin: string, manager: { id: string; displayName: string }, teamId: string | null): PinnedDashboard {
  const url = new URL("/", origin);
  url.searchParams.set("view", "dashboard");
  url.searchParams.set("manager", manager.id);
  if (teamId) url.searchParams.set("team", teamId);
  const websiteUrl = url.toString();
  url.searchParams.set("inTeams", "1");
  return {
    contentUrl: url.toString(),
    websiteUrl,
    entityId: `dashboard-${manager.id}`,
    suggestedDisplayName: `${manager.displayName}'s team`.slice(0, 128),
  };
}
