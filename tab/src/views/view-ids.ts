import type { MessageId } from "../i18n/translator.js";

/** Which view the shell shows. The `view` query parameter selects it, so a Teams tab or a link
 * can open a view directly. */

export interface ViewDefinition {
  id: string;
  /** The message that names the view in the header. */
  label: MessageId;
}

export function resolveViewId(search: string, views: readonly ViewDefinition[]): string {
  const requested = new URLSearchParams(search).get("view");
  const match = views.find((view) => view.id === requested);
  return match?.id ?? views[0]?.id ?? "";
}

/** The same address with a different view, keeping every other parameter (inTeams, cycle…). */
export function buildViewUrl(href: string, viewId: string): string {
  const url = new URL(href);
  url.searchParams.set("view", viewId);
  return `${url.pathname}${url.search}${url.hash}`;
}
