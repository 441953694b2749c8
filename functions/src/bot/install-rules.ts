/** When Cascade asks Microsoft Graph to install its app for someone, and what it tells the admin when
 * Graph refuses. Pure rules over the stored attempt and the tenant's last problem. */
import type { Config } from "../config.js";
import type { InstallBlocker } from "../contracts/admin.js";
import type { AdminLogEntry } from "../domain/admin.js";
import type { InstallAttempt, InstallFailure, TenantInstallProblem } from "../store/app-install-store.js";

export const INSTALL_PERMISSION = "TeamsAppInstallation.ReadWriteSelfForUser.All";
export const INSTALL_FAILED_ACTION = "app_install_failed";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** After this long without Teams announcing the install, cards stop waiting for it. */
export const INSTALL_WAIT_MS = 24 * HOUR;
/** A 403 pauses the whole tenant: every other person would get the same answer. */
export const FORBIDDEN_PAUSE_MS = HOUR;
const RETRY_DELAY_MS: Record<InstallFailure, number> = { forbidden: FORBIDDEN_PAUSE_MS, not_found: 7 * 24 * HOUR, throttled: 15 * MINUTE, error: HOUR };
/** The admin log says the same thing at most this often. */
export const NOTICE_INTERVAL_MS = HOUR;

/** An install was asked for recently and Teams has not announced it yet: a card kept now arrives with it. */
export function isInstallUnderway(attempt: InstallAttempt, now: Date): boolean {
  return attempt.state === "requested" && now.getTime() - Date.parse(attempt.attemptedAt) < INSTALL_WAIT_MS;
}

/** Only a failed attempt is made again, after its pause. An install Teams confirmed is never
 * repeated: if the person removed the app since, that was their choice. */
export function canRetryInstall(attempt: InstallAttempt, now: Date): boolean {
  return attempt.state === "failed" && attempt.retryAt !== null && Date.parse(attempt.retryAt) <= now.getTime();
}

export function isTenantPaused(problem: TenantInstallProblem | null, now: Date): boolean {
  return problem !== null && problem.pausedUntil !== null && Date.parse(problem.pausedUntil) > now.getTime();
}

export function computeRetryAt(reason: InstallFailure, now: Date, retryAfterSeconds: number | null): string {
  const delay = Math.max(RETRY_DELAY_MS[reason], (retryAfterSeconds ?? 0) * 1000);
  return new Date(now.getTime() + delay).toISOString();
}

/** The tenant's problem after a refusal; `isNotice` says whether the admin log should hear of it. */
export function nextProblem(previous: TenantInstallProblem | null, failure: { tenantId: string; reason: InstallFailure; status: number; retryAfterSeconds: number | null }, now: Date): { problem: TenantInstallProblem; isNotice: boolean } {
  const isRepeat = previous?.reason === failure.reason && previous.noticedAt !== null && now.getTime() - Date.parse(previous.noticedAt) < NOTICE_INTERVAL_MS;
  const isNotice = !isRepeat && (failure.reason === "forbidden" || failure.reason === "not_found");
  const pause = failure.reason === "forbidden" ? FORBIDDEN_PAUSE_MS : failure.reason === "throttled" ? (failure.retryAfterSeconds ?? 60) * 1000 : 0;
  const problem: TenantInstallProblem = {
    tenantId: failure.tenantId,
    reason: failure.reason,
    status: failure.status,
    at: now.toISOString(),
    pausedUntil: pause > 0 ? new Date(now.getTime() + pause).toISOString() : null,
    noticedAt: isNotice ? now.toISOString() : (previous?.noticedAt ?? null),
  };
  return { problem, isNotice };
}

/** What the admin should do about a refusal, in plain words. */
export function describeFix(reason: InstallFailure): string {
  switch (reason) {
    case "forbidden":
      return `Grant the Cascade app registration the Microsoft Graph application permission ${INSTALL_PERMISSION}, then grant admin consent. Cascade tries again within the hour.`;
    case "not_found":
      return "Check that TEAMS_APP_ID is Cascade's app id in your organisation's app catalog (Teams admin center, Manage apps) and that the person has a Teams licence.";
    case "throttled":
      return "Microsoft Graph asked Cascade to slow down; it tries again later.";
    default:
      return "Cascade tries again later; if this keeps happening, check the app's credential and the Function App's log.";
  }
}

/** An admin-log line about a refusal: no one's name or id, only what happened and the fix. */
export function buildInstallNotice(problem: TenantInstallProblem, id: string): AdminLogEntry {
  const details: AdminLogEntry["details"] = { status: problem.status, reason: problem.reason, fix: describeFix(problem.reason) };
  if (problem.reason === "forbidden") details["permission"] = INSTALL_PERMISSION;
  return { id, at: problem.at, actorId: "cascade", action: INSTALL_FAILED_ACTION, details };
}

/** Why this deployment cannot install the app for people; null when it can. */
export function findInstallBlocker(config: Pick<Config, "authMode" | "teamsAppId" | "entra">): InstallBlocker | null {
  if (config.authMode === "dev") return "local_development";
  if (!config.teamsAppId) return "no_app_id";
  if (!config.entra.clientId || !config.entra.clientSecret) return "no_credential";
  return null;
}
