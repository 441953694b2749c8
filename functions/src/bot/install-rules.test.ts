import { describe, expect, test } from "vitest";
import type { InstallAttempt } from "../store/app-install-store.js";
import { buildInstallNotice, canRetryInstall, computeRetryAt, findInstallBlocker, FORBIDDEN_PAUSE_MS, INSTALL_PERMISSION, INSTALL_WAIT_MS, isInstallUnderway, isTenantPaused, nextProblem } from "./install-rules.js";

const NOW = new Date("2027-03-01T10:00:00.000Z");
const minus = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

function buildAttempt(overrides: Partial<InstallAttempt> = {}): InstallAttempt {
  return { tenantId: "t1", userId: "u1", state: "requested", reason: null, attemptedAt: minus(60_000), updatedAt: minus(60_000), retryAt: null, ...overrides };
}

describe("when Cascade asks Graph again", () => {
  test("a recent request is underway; one Teams never confirmed stops counting after a day", () => {
    expect(isInstallUnderway(buildAttempt(), NOW)).toBe(true);
    expect(isInstallUnderway(buildAttempt({ attemptedAt: minus(INSTALL_WAIT_MS + 1) }), NOW)).toBe(false);
    expect(isInstallUnderway(buildAttempt({ state: "installed" }), NOW)).toBe(false);
  });

  test("only a failed attempt is retried, and only after its pause", () => {
    expect(canRetryInstall(buildAttempt({ state: "failed", reason: "error", retryAt: minus(1) }), NOW)).toBe(true);
    expect(canRetryInstall(buildAttempt({ state: "failed", reason: "error", retryAt: new Date(NOW.getTime() + 1).toISOString() }), NOW)).toBe(false);
    expect(canRetryInstall(buildAttempt({ state: "installed" }), NOW)).toBe(false);
    expect(canRetryInstall(buildAttempt({ attemptedAt: minus(INSTALL_WAIT_MS * 3) }), NOW)).toBe(false);
  });

  test("Retry-After from Graph lengthens the pause, never shortens it", () => {
    expect(computeRetryAt("throttled", NOW, 3600)).toBe(new Date(NOW.getTime() + 3_600_000).toISOString());
    expect(computeRetryAt("forbidden", NOW, 1)).toBe(new Date(NOW.getTime() + FORBIDDEN_PAUSE_MS).toISOString());
  });
});

describe("what the admin hears", () => {
  const failure = { tenantId: "t1", reason: "forbidden" as const, status: 403, retryAfterSeconds: null };

  test("a 403 pauses the tenant and is noticed once per interval", () => {
    const first = nextProblem(null, failure, NOW);
    expect(first.isNotice).toBe(true);
    expect(isTenantPaused(first.problem, NOW)).toBe(true);
    expect(isTenantPaused(first.problem, new Date(NOW.getTime() + FORBIDDEN_PAUSE_MS + 1))).toBe(false);
    const soon = nextProblem(first.problem, failure, new Date(NOW.getTime() + 60_000));
    expect(soon.isNotice).toBe(false);
    expect(soon.problem.noticedAt).toBe(first.problem.noticedAt);
    expect(nextProblem(first.problem, failure, new Date(NOW.getTime() + FORBIDDEN_PAUSE_MS * 2)).isNotice).toBe(true);
  });

  test("throttling and passing errors are not the admin's to fix", () => {
    expect(nextProblem(null, { ...failure, reason: "throttled", status: 429, retryAfterSeconds: 30 }, NOW).isNotice).toBe(false);
    expect(nextProblem(null, { ...failure, reason: "error", status: 500 }, NOW)).toMatchObject({ isNotice: false, problem: { pausedUntil: null } });
  });

  test("the admin-log line names the permission and consent, and no person", () => {
    const { problem } = nextProblem(null, failure, NOW);
    const entry = buildInstallNotice(problem, "log-1");
    expect(entry).toMatchObject({ id: "log-1", action: "app_install_failed", actorId: "cascade", details: { status: 403, reason: "forbidden", permission: INSTALL_PERMISSION } });
    expect(String(entry.details["fix"])).toMatch(/TeamsAppInstallation\.ReadWriteSelfForUser\.All.*admin consent/);
    expect(JSON.stringify(entry)).not.toContain("u1");
  });
});

describe("whether this deployment can install the app", () => {
  const entra = { clientId: "app", clientSecret: "secret", tenantId: undefined, allowedTenantIds: [], jwksUrl: "", authorityHost: "" };

  test("it needs Teams, the catalog app id and the app's credential", () => {
    expect(findInstallBlocker({ authMode: "entra", teamsAppId: "a", entra })).toBeNull();
    expect(findInstallBlocker({ authMode: "entra", teamsAppId: undefined, entra })).toBe("no_app_id");
    expect(findInstallBlocker({ authMode: "entra", teamsAppId: "a", entra: { ...entra, clientSecret: undefined } })).toBe("no_credential");
    expect(findInstallBlocker({ authMode: "dev", teamsAppId: "a", entra })).toBe("local_development");
  });
});
