/** A dashboard pinned in a Teams channel. A manager pins their own team's dashboard in a team; from
 * then on the members of that team may see it there, whether or not they are in the manager's chain.
 * Membership comes from Microsoft Graph (the team's members), never from what the tab says. */
import type { Dashboard } from "../contracts/views.js";
import { AppError } from "./errors.js";
import type { GoalDeps } from "./goal-context.js";
import { authoriseTeamView } from "./team-goals.js";
import type { Principal } from "./types.js";

export interface ChannelPin {
  teamId: string;
  managerId: string;
  pinnedAt: string;
}

export interface ChannelPins {
  savePin(tenantId: string, pin: ChannelPin): Promise<void>;
  hasPin(tenantId: string, teamId: string, managerId: string): Promise<boolean>;
}

export interface TeamMembership {
  /** Whether the person is a member (or owner) of the team, as Teams knows it now. */
  isMember(tenantId: string, teamId: string, userId: string): Promise<boolean>;
}

export interface ChannelAccess {
  pins: ChannelPins;
  /** Null where the deployment cannot ask Graph (no app credential): only the usual rule applies. */
  membership: TeamMembership | null;
}

/** Who the dashboard is shown to: someone who may see the team anyway, or a member of the channel's team. */
export type DashboardAudience = "chain" | "channel";

/** Pins the caller's own team dashboard in a team. Sharing someone else's figures is not the caller's to decide. */
export async function pinChannelDashboard(access: ChannelAccess, principal: Principal, teamId: string, now: Date): Promise<ChannelPin> {
  const pin: ChannelPin = { teamId, managerId: principal.userId, pinnedAt: now.toISOString() };
  await access.pins.savePin(principal.tenantId, pin);
  return pin;
}

async function isChannelMember(access: ChannelAccess, principal: Principal, managerId: string, teamId: string): Promise<boolean> {
  if (!access.membership) return false;
  // The pin first: it is one point read, and without it no Graph call is made on anyone's behalf.
  if (!(await access.pins.hasPin(principal.tenantId, teamId, managerId))) return false;
  return access.membership.isMember(principal.tenantId, teamId, principal.userId);
}

/** The usual rule (the manager, their managers, admins), else membership of the team it is pinned in. */
export async function authoriseDashboardView(deps: GoalDeps & { channels: ChannelAccess }, principal: Principal, managerId: string, teamId: string | null): Promise<DashboardAudience> {
  try {
    await authoriseTeamView(deps, principal, managerId);
    return "chain";
  } catch (error) {
    if (!teamId || !(error instanceof AppError) || error.code !== "forbidden") throw error;
    if (await isChannelMember(deps.channels, principal, managerId, teamId)) return "channel";
    throw new AppError("forbidden", "Only this person, their managers, admins and the members of a team this dashboard is pinned in can see it.");
  }
}

/** A channel's members see the figures, but only the public goals by name. */
export function showToChannel(dashboard: Dashboard): Dashboard {
  return { ...dashboard, atRiskGoals: dashboard.atRiskGoals.filter((goal) => goal.visibility === "public") };
}
