/** The admin API on the wire: tenant settings (approval, organisation-goal owners, installing the app,
 * the default language, reminders), admin jobs, the admin log, imports, exports and the directory. */
import { z } from "zod";
import { idSchema, isValidTimeZone, type PersonSummary } from "./common.js";
import { MAX_ORGANISATION_GOAL_OWNERS } from "./limits.js";

export type Cadence = "daily" | "weekly";

/** Per-tenant settings an admin controls. Days are 0 = Sunday … 6 = Saturday, hours 0–23 local time. */
export interface ReminderSettings {
  isEnabled: boolean;
  cadence: Cadence;
  dayOfWeek: number;
  hour: number;
  /** Used for people whose own time zone is not known (IANA name). */
  defaultTimeZone: string;
  /** People who checked in on any goal within this many days get no reminder. */
  recentCheckInDays: number;
  isDigestEnabled: boolean;
  digestDayOfWeek: number;
  digestHour: number;
  /** How far progress may trail elapsed time before a goal counts as behind. */
  riskMargin: number;
}

const day = z.number().int().min(0, "0 is Sunday.").max(6, "6 is Saturday.");
const hour = z.number().int().min(0).max(23, "Use an hour from 0 to 23.");
export const timeZoneField = z.string().min(1).max(64).refine(isValidTimeZone, "Use an IANA time zone such as Europe/Berlin.");

/** Every reminder setting an admin may change; fields left out keep their value. */
export const reminderSettingsSchema = z
  .strictObject({
    isEnabled: z.boolean(),
    cadence: z.enum(["daily", "weekly"]),
    dayOfWeek: day,
    hour,
    defaultTimeZone: timeZoneField,
    recentCheckInDays: z.number().int().min(0).max(30),
    isDigestEnabled: z.boolean(),
    digestDayOfWeek: day,
    digestHour: hour,
    riskMargin: z.number().min(0).max(1),
  })
  .partial();

/** PUT of the reminder settings replaces the whole configuration, so every field is required there. */
export const reminderSettingsPutSchema = reminderSettingsSchema.required();

/** A person's own time zone, for their reminders. */
export const timeZoneSchema = z.strictObject({ timeZone: timeZoneField });

/** Local only: run the reminder job now, for some people or everyone. */
export const reminderRunSchema = z.strictObject({ personIds: z.array(idSchema).max(1000).optional() });

/** The settings body. The languages an admin may choose are the ones the cards ship, so the caller
 * names them. */
export function createAdminSettingsSchema(locales: readonly [string, ...string[]]) {
  return z.strictObject({
    isApprovalRequired: z.boolean(),
    organisationGoalOwnerIds: z.array(idSchema).max(MAX_ORGANISATION_GOAL_OWNERS, `At most ${MAX_ORGANISATION_GOAL_OWNERS} people.`),
    /** Left out: keeps its value. */
    isProactiveInstallEnabled: z.boolean().optional(),
    /** Left out: keeps its value. */
    defaultLocale: z.enum(locales, { message: `Choose one of ${locales.join(", ")}.` }).optional(),
    reminders: reminderSettingsSchema,
  });
}

export type AdminSettingsInput = z.input<ReturnType<typeof createAdminSettingsSchema>>;

export interface AdminSettings {
  isApprovalRequired: boolean;
  organisationGoalOwnerIds: string[];
  isProactiveInstallEnabled: boolean;
  /** Cards and bot messages for someone whose language Cascade does not know are in this one. */
  defaultLocale: string;
  reminders: ReminderSettings;
}

export type InstallFailure = "forbidden" | "not_found" | "throttled" | "error";

export interface InstallProblemView {
  reason: InstallFailure;
  status: number;
  at: string;
  /** What the admin can do about it. */
  fix: string;
}

/** Why a deployment cannot install the app for people: local development, no TEAMS_APP_ID, or no
 * credential for Microsoft Graph. The tab says each in the admin's language. */
export const INSTALL_BLOCKERS = ["local_development", "no_app_id", "no_credential"] as const;
export type InstallBlocker = (typeof INSTALL_BLOCKERS)[number];

export interface AppInstallStatus {
  /** This deployment can install the app (TEAMS_APP_ID and the app's credential are set). */
  isAvailable: boolean;
  unavailableReason: InstallBlocker | null;
  /** The tenant's last refusal from Graph, until an install works again. */
  lastProblem: InstallProblemView | null;
}

/** The settings with the owners' names, and whether this deployment can install the app for people. */
export interface AdminSettingsView extends AdminSettings {
  organisationGoalOwners: Array<{ id: string; displayName: string | null; jobTitle: string | null }>;
  appInstall: AppInstallStatus;
}

export interface VersionedSettings {
  settings: AdminSettingsView;
  etag: string;
}

/** What an admin did. Details carry counts and ids of things, never a person's data. */
export interface AdminLogEntry {
  id: string;
  at: string;
  actorId: string;
  action: string;
  details: Record<string, string | number | boolean | null>;
}

export type JobKind = "sync" | "erase" | "import";
export type JobState = "running" | "succeeded" | "failed" | "interrupted";
export type JobValue = string | number | boolean | null | JobValue[] | { [key: string]: JobValue };
export type JobResult = Record<string, JobValue>;

export interface JobProgress {
  phase: string;
  done: number;
  total: number | null;
  /** Figures so far, kept when the job fails (an import's counts and row errors). */
  detail?: JobResult;
}

/** Holds no personal data: an erasure job does not record whom it erases. */
export interface AdminJob {
  id: string;
  kind: JobKind;
  state: JobState;
  requestedBy: string;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
  progress: JobProgress;
  result: JobResult | null;
  error: string | null;
}

export interface JobStatus {
  isRunning: boolean;
  job: AdminJob | null;
  lastFinished: AdminJob | null;
}

/** A job's status as its route answers; `isAvailable` is false where the deployment cannot run it. */
export interface JobStatusView extends JobStatus {
  isAvailable?: boolean;
}

export const eraseSchema = z.strictObject({ personId: idSchema });

/** The fields an imported row may fill. */
export const IMPORT_FIELDS = ["id", "type", "title", "description", "owner", "cycle", "parent", "status", "krType", "start", "target", "current", "unit", "due"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Field → the file's header text, as the admin confirmed it in the preview. */
export type ColumnMapping = Partial<Record<ImportField, string>>;

/** How a sheet's header row was recognised: the Cascade template, a Viva Goals export, or an admin's mapping. */
export type SheetFormat = "cascade" | "viva" | "mapped";

/** A row the import cannot take, by its line in the file. */
export type RowError = { line: number; message: string };

/** An owner name the directory does not place (no one, or more than one person). */
export interface UnknownOwner {
  owner: string;
  problem: "unknown" | "ambiguous";
  lines: number[];
}

/** A dry run of an import: what it would create and update, and what it cannot read. */
export interface ImportPreview {
  format: SheetFormat | "unknown";
  headers: string[];
  mapping: ColumnMapping;
  rows: number;
  goals: { create: number; update: number };
  keyResults: { create: number; update: number };
  unchanged: number;
  unknownOwners: UnknownOwner[];
  errors: RowError[];
  errorCount: number;
}

/** An import job as its status route answers. */
export interface ImportStatus {
  id: string;
  status: "running" | "done" | "failed";
  phase: string;
  total: number | null;
  processed: number;
  created: number;
  updated: number;
  skipped: number;
  errors: RowError[];
  errorCount: number;
  /** Why a failed run stopped, and how to go on. */
  failure: string | null;
  startedAt: string;
  finishedAt: string | null;
}

const MAX_OWNER_CHOICES = 1000;

/** An import's options: a column mapping and the owners chosen for names the directory cannot place. */
export const importOptionsSchema = z.strictObject({
  mapping: z.partialRecord(z.enum(IMPORT_FIELDS), z.string().trim().min(1).max(200)).optional(),
  owners: z.record(z.string().min(1).max(300), idSchema).refine((o) => Object.keys(o).length <= MAX_OWNER_CHOICES, `At most ${MAX_OWNER_CHOICES} owners.`).optional(),
});

export interface DirectoryPerson extends PersonSummary {
  department: string | null;
  mail: string | null;
  isEnabled: boolean;
}

export interface ExportPage {
  format: string;
  tenantId: string;
  sections: Record<string, unknown[]>;
  nextCursor: string | null;
}
