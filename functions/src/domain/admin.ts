/** Tenant settings an admin controls: whether goals need approval, who owns organisation goals,
 * whether Cascade installs its app for people a card must reach, and when reminders go out. They
 * live in two stores (the policy the goal rules and the bot read, the reminder settings the reminder
 * job reads); one version stamp guards changes to both. */
import { AppError } from "./errors.js";
import { ADMIN_ROLE, isAdmin } from "./goal-access.js";
import type { TenantPolicy } from "./goal-context.js";
import type { DirectoryReader } from "./ports.js";
import type { Principal } from "./types.js";
import type { AdminSettings, AdminSettingsView, AppInstallStatus, ReminderSettings } from "../contracts/admin.js";
import { recordAdminAction, type AdminLogDeps } from "./admin-log.js";

/** The settings and the admin log as the API carries them. */
export type { AdminLogEntry, AdminSettings } from "../contracts/admin.js";

/** Cascade's source language; the contract's schema lists which others an admin may choose. */
export const DEFAULT_TENANT_LOCALE = "en";

export interface PolicyPort {
  getPolicy(tenantId: string): Promise<TenantPolicy>;
  savePolicy(tenantId: string, policy: TenantPolicy): Promise<void>;
}

export interface ReminderSettingsPort {
  getSettings(tenantId: string): Promise<ReminderSettings>;
  saveSettings(tenantId: string, settings: ReminderSettings): Promise<void>;
}

/** A stamp that changes on every settings write through the admin API; `claim` fails with
 * precondition_failed when someone else claimed it first. */
export interface VersionPort {
  readVersion(tenantId: string, name: string): Promise<string | null>;
  claimVersion(tenantId: string, name: string, current: string | null): Promise<void>;
}

export interface SettingsDeps {
  policy: PolicyPort;
  reminders: ReminderSettingsPort;
  versions: VersionPort;
  directory: DirectoryReader;
}

export interface VersionedSettings {
  settings: AdminSettings;
  etag: string;
}

/** What the Admin view's settings need beyond the settings: the admin log for changes, and whether
 * this deployment can install the app for people. */
export interface SettingsViewDeps extends SettingsDeps {
  adminLog: AdminLogDeps;
  describeAppInstall(tenantId: string): Promise<AppInstallStatus>;
}

export interface VersionedSettingsView {
  view: AdminSettingsView;
  etag: string;
}

const VERSION_NAME = "settings";

export function assertAdmin(principal: Principal, action: string): void {
  if (!isAdmin(principal)) throw new AppError("forbidden", `Only admins (app role ${ADMIN_ROLE}) can ${action}.`);
}

/** FNV-1a, 64 bit: a stable fingerprint, not a secret. */
export function fingerprint(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
}

/** The ETag covers the version stamp and the content, so a change made through another route
 * (the reminder settings have their own) also makes an older ETag stale. */
export function computeSettingsEtag(settings: AdminSettings, version: string | null): string {
  return `"${fingerprint(`${version ?? "-"}\n${JSON.stringify(settings)}`)}"`;
}

async function readWithVersion(deps: SettingsDeps, tenantId: string): Promise<VersionedSettings & { policy: TenantPolicy; version: string | null }> {
  const [policy, reminders, version] = await Promise.all([deps.policy.getPolicy(tenantId), deps.reminders.getSettings(tenantId), deps.versions.readVersion(tenantId, VERSION_NAME)]);
  const settings: AdminSettings = {
    isApprovalRequired: policy.isApprovalRequired,
    organisationGoalOwnerIds: [...policy.organisationGoalOwnerIds],
    isProactiveInstallEnabled: policy.isProactiveInstallEnabled ?? false,
    defaultLocale: policy.defaultLocale ?? DEFAULT_TENANT_LOCALE,
    reminders: { ...reminders },
  };
  return { settings, etag: computeSettingsEtag(settings, version), policy, version };
}

export async function readSettings(deps: SettingsDeps, tenantId: string): Promise<VersionedSettings> {
  const { settings, etag } = await readWithVersion(deps, tenantId);
  return { settings, etag };
}

async function assertOwnersExist(deps: SettingsDeps, tenantId: string, ownerIds: string[]): Promise<void> {
  const found = await Promise.all(ownerIds.map((id) => deps.directory.getPerson(tenantId, id)));
  const errors = ownerIds.flatMap((id, i) => (found[i] ? [] : [{ path: `organisationGoalOwnerIds.${i}`, message: `No one with id ${id} is in the directory.` }]));
  if (errors.length > 0) throw new AppError("validation_failed", "Choose organisation-goal owners from the directory.", { errors });
}

export interface SettingsChange {
  isApprovalRequired: boolean;
  organisationGoalOwnerIds: string[];
  /** Absent keeps the current value. */
  isProactiveInstallEnabled?: boolean;
  /** Absent keeps the current value. */
  defaultLocale?: string;
  /** Fields not named keep their current value. */
  reminders: Partial<ReminderSettings>;
}

/** Replaces the settings if the caller holds the current ETag (428 without one, 412 when stale). */
export async function updateSettings(deps: SettingsDeps, principal: Principal, change: SettingsChange, ifMatch: string | null): Promise<VersionedSettings> {
  assertAdmin(principal, "change settings");
  if (!ifMatch) throw new AppError("precondition_required", "Send If-Match with the settings' ETag so that no one's changes are overwritten.");
  const ownerIds = [...new Set(change.organisationGoalOwnerIds)];
  await assertOwnersExist(deps, principal.tenantId, ownerIds);
  const current = await readWithVersion(deps, principal.tenantId);
  if (ifMatch !== "*" && ifMatch !== current.etag) {
    throw new AppError("precondition_failed", "The settings were changed by someone else since you loaded them. Reload to see the latest.");
  }
  await deps.versions.claimVersion(principal.tenantId, VERSION_NAME, current.version);
  const isProactiveInstallEnabled = change.isProactiveInstallEnabled ?? current.settings.isProactiveInstallEnabled;
  const defaultLocale = change.defaultLocale ?? current.settings.defaultLocale;
  await deps.policy.savePolicy(principal.tenantId, { ...current.policy, isApprovalRequired: change.isApprovalRequired, organisationGoalOwnerIds: ownerIds, isProactiveInstallEnabled, defaultLocale });
  await deps.reminders.saveSettings(principal.tenantId, { ...current.settings.reminders, ...change.reminders });
  return readSettings(deps, principal.tenantId);
}

/** The settings with the owners' names, and whether this deployment can install the app for people. */
async function toSettingsView(deps: SettingsViewDeps, tenantId: string, settings: AdminSettings): Promise<AdminSettingsView> {
  const [people, appInstall] = await Promise.all([Promise.all(settings.organisationGoalOwnerIds.map((id) => deps.directory.getPerson(tenantId, id))), deps.describeAppInstall(tenantId)]);
  const owners = settings.organisationGoalOwnerIds.map((id, i) => ({ id, displayName: people[i]?.displayName ?? null, jobTitle: people[i]?.jobTitle ?? null }));
  return { ...settings, organisationGoalOwners: owners, appInstall };
}

export async function readSettingsView(deps: SettingsViewDeps, tenantId: string): Promise<VersionedSettingsView> {
  const { settings, etag } = await readSettings(deps, tenantId);
  return { view: await toSettingsView(deps, tenantId, settings), etag };
}

/** Changes the settings (see updateSettings) and records the change in the admin log. */
export async function changeSettings(deps: SettingsViewDeps, principal: Principal, change: SettingsChange, ifMatch: string | null): Promise<VersionedSettingsView> {
  const { settings, etag } = await updateSettings(deps, principal, change, ifMatch);
  const { isApprovalRequired, isProactiveInstallEnabled, defaultLocale } = settings;
  await recordAdminAction(deps.adminLog, principal, "settings_changed", { isApprovalRequired, organisationGoalOwners: settings.organisationGoalOwnerIds.length, isProactiveInstallEnabled, defaultLocale });
  return { view: await toSettingsView(deps, principal.tenantId, settings), etag };
}
