/** The views the shell can show. Each lives in its own folder and is loaded on first use, so the
 * first paint carries only the shell. Add Team, Organisation, Approvals, Dashboard and Admin here. */
import { lazy, type ComponentType, type LazyExoticComponent } from "react";
import type { MessageId } from "../i18n/translator.js";
import type { ViewDefinition } from "./view-ids.js";

type ViewModule = { default: ComponentType };

export interface ViewEntry extends ViewDefinition {
  /** Starts downloading the view's code; safe to call more than once. */
  preload: () => Promise<ViewModule>;
  Component: LazyExoticComponent<ComponentType>;
  /** Reachable only by its URL (the channel tab's configuration page), not listed in the header. */
  isHidden?: boolean;
  /** Listed only for holders of the Cascade.Admin role. */
  isAdminOnly?: boolean;
  /** Listed only when Cascade runs locally with the demo organisation. */
  isLocalOnly?: boolean;
}

function defineView(id: string, label: MessageId, load: () => Promise<ViewModule>): ViewEntry {
  let pending: Promise<ViewModule> | null = null;
  const preload = () => (pending ??= load());
  return { id, label, preload, Component: lazy(preload) };
}

export const VIEWS: readonly ViewEntry[] = [
  defineView("my-goals", "view.myGoals", () => import("./my-goals/MyGoalsView.js")),
  defineView("team", "view.team", () => import("./team/TeamView.js")),
  defineView("organisation", "view.organisation", () => import("./organisation/OrganisationView.js")),
  defineView("dashboard", "view.dashboard", () => import("./dashboard/DashboardView.js")),
  defineView("approvals", "view.approvals", () => import("./approvals/ApprovalsView.js")),
  // The local preview of the Teams chat: where there is a tenant, the real chat is in Teams.
  { ...defineView("chat", "view.chat", () => import("./chat/ChatView.js")), isLocalOnly: true },
  { ...defineView("config", "view.config", () => import("./channel-config/ChannelConfigView.js")), isHidden: true },
  { ...defineView("admin", "view.admin", () => import("./admin/AdminView.js")), isAdminOnly: true },
];
