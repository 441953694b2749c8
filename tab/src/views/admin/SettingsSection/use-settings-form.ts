/** The settings being edited: a draft over the loaded settings, saved with the ETag it was read at. */
import { useState } from "react";
import type { AdminSettingsView, ReminderSettings, VersionedSettings } from "../../../api/admin-types.js";
import { ApiError } from "../../../api/client.js";
import { useAdminActions, useAdminSettings } from "../../../api/use-admin.js";
import { useNotify } from "../../../components/Notify/use-notify.js";
import { describeError } from "../../../i18n/describe-error.js";
import { toSettingsInput } from "../admin-logic.js";
import type { Owner } from "../OwnerPicker/OwnerPicker.js";
import { useTranslator } from "../../../i18n/use-translator.js";

export interface SettingsForm {
  loaded: ReturnType<typeof useAdminSettings>;
  draft: AdminSettingsView | null;
  isDirty: boolean;
  isSaving: boolean;
  /** Someone else saved in between; the draft can only be reloaded. */
  isStale: boolean;
  error: string | null;
  setApprovalRequired(value: boolean): void;
  setProactiveInstall(value: boolean): void;
  setOwners(owners: Owner[]): void;
  setDefaultLocale(locale: string): void;
  changeReminders(changes: Partial<ReminderSettings>): void;
  save(): Promise<void>;
  discard(): void;
}

export function useSettingsForm(): SettingsForm {
  const loaded = useAdminSettings();
  const actions = useAdminActions();
  const notify = useNotify();
  const tr = useTranslator();
  const [edit, setEdit] = useState<{ base: VersionedSettings; draft: AdminSettingsView } | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [isStale, setIsStale] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = edit && edit.base.etag === loaded.data?.etag ? edit : null;
  const draft = current?.draft ?? loaded.data?.settings ?? null;

  const update = (change: (draft: AdminSettingsView) => AdminSettingsView) => {
    if (!loaded.data || !draft) return;
    setEdit({ base: loaded.data, draft: change(draft) });
  };

  const save = async () => {
    if (!loaded.data || !draft) return;
    setIsSaving(true);
    setError(null);
    try {
      await actions.saveSettings(toSettingsInput(draft), loaded.data.etag);
      setEdit(null);
      notify(tr.t("admin.settings.saved"));
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 412) setIsStale(true);
      else setError(describeError(caught, tr));
    } finally {
      setIsSaving(false);
    }
  };

  return {
    loaded,
    draft,
    isDirty: current !== null,
    isSaving,
    isStale,
    error,
    setApprovalRequired: (value) => update((d) => ({ ...d, isApprovalRequired: value })),
    setProactiveInstall: (value) => update((d) => ({ ...d, isProactiveInstallEnabled: value })),
    setDefaultLocale: (locale) => update((d) => ({ ...d, defaultLocale: locale })),
    setOwners: (owners) => update((d) => ({ ...d, organisationGoalOwners: owners, organisationGoalOwnerIds: owners.map((o) => o.id) })),
    changeReminders: (changes) => update((d) => ({ ...d, reminders: { ...d.reminders, ...changes } })),
    save,
    discard: () => {
      setEdit(null);
      setIsStale(false);
      loaded.reload();
    },
  };
}
