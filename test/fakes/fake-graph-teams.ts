/** The teams of the Graph fake: `GET /teams/{id}/members`, with the `$filter` on a member's Entra
 * user id that Graph documents. As in Graph, an app-only caller needs TeamMember.Read.Group (granted
 * per team through resource-specific consent), TeamMember.Read.All or TeamMember.ReadWrite.All. */
import type { Caller, GraphReply } from "./fake-graph-installs.js";

export const TEAM_MEMBER_PERMISSIONS = ["TeamMember.Read.Group", "TeamMember.Read.All", "TeamMember.ReadWrite.All"];
const MEMBERS_PATH = /^\/v1\.0\/teams\/([^/]+)\/members$/;
const USER_FILTER = /^\(microsoft\.graph\.aadUserConversationMember\/userId eq '([^']+)'\)$/;

export function isTeamMembersPath(pathname: string): boolean {
  return MEMBERS_PATH.test(pathname);
}

const graphError = (status: number, code: string, message: string): GraphReply => ({ status, body: { error: { code, message } } });

export class FakeTeams {
  /** Team id → the user ids of its members. */
  readonly members = new Map<string, Set<string>>();
  /** Every member lookup, in order: which team, and whose id was asked about. */
  readonly lookups: Array<{ teamId: string; userId: string | null; status: number }> = [];

  addTeam(teamId: string, userIds: string[]): void {
    this.members.set(teamId, new Set(userIds));
  }

  handle(method: string, url: URL, caller: Caller): GraphReply {
    const teamId = decodeURIComponent(MEMBERS_PATH.exec(url.pathname)![1]!);
    const filter = url.searchParams.get("$filter");
    const userId = filter ? (USER_FILTER.exec(filter)?.[1] ?? null) : null;
    const reply = this.answer(method, teamId, filter, userId, caller);
    this.lookups.push({ teamId, userId, status: reply.status });
    return reply;
  }

  private answer(method: string, teamId: string, filter: string | null, userId: string | null, caller: Caller): GraphReply {
    if (method !== "GET") return graphError(405, "BadRequest", "Method not allowed.");
    if (!caller.roles.some((role) => TEAM_MEMBER_PERMISSIONS.includes(role))) return graphError(403, "Forbidden", "Missing role permissions on the request.");
    const members = this.members.get(teamId);
    if (!members) return graphError(404, "NotFound", "No team found with Group Id " + teamId);
    if (filter && !userId) return graphError(400, "BadRequest", "Unsupported filter.");
    const ids = userId ? [...members].filter((id) => id === userId) : [...members];
    const value = ids.map((id) => ({ "@odata.type": "#microsoft.graph.aadUserConversationMember", id: `member-${id}`, roles: [], displayName: "", userId: id, tenantId: "" }));
    return { status: 200, body: { "@odata.count": value.length, value } };
  }
}
