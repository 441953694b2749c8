/** The views the shell can show. Each lives in its own folder and is loaded on first use, so the
 * first paint carries only the shell. Add Team, Organisation, Approvals, Dashboard and Admin here. */
import { lazy, type ComponentType, type LazyExoticComponent } from "react";
import type { ViewDefinition } from "./view-ids.js";

type ViewModule = { default: ComponentType };

export interface ViewEntry extends ViewDefinition {
  /** Starts downloading the view's code; safe to call more than once. */
  preload: () => Promise<ViewModule>;
  Component: LazyExoticComponent<ComponentType>;
}

function defineView(id: string, label: string, load: () => Promise<ViewModule>): ViewEntry {
  let pending: Promise<ViewModule> | null = null;
  const preload = () => (pending ??= load());
  return { id, label, preload, Component: lazy(preload) };
}

export const VIEWS: readonly ViewEntry[] = [defineView("my-goals", "My goals", () => import("./my-goals/MyGoalsView.js"))];
