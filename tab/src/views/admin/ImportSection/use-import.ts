/** The steps of an import in the Admin view: a file is chosen and previewed (a dry run), mapped when
 * its columns are not recognised, then imported as a job followed until it ends. */
import { useCallback, useEffect, useRef, useState } from "react";
import { useAdminActions, JOB_POLL_MS } from "../../../api/use-admin.js";
import type { ColumnMapping, ImportPreview, ImportStatus } from "../../../api/admin-types.js";
import { describeError } from "../../../i18n/describe-error.js";
import { useTranslator } from "../../../i18n/use-translator.js";

export interface ImportState {
  file: File | null;
  /** The mapping the admin confirmed; null while the sheet's own headers are read. */
  mapping: ColumnMapping | null;
  preview: ImportPreview | null;
  isPreviewing: boolean;
  isStarting: boolean;
  status: ImportStatus | null;
  error: { title: "preview" | "start" | "status"; detail: string } | null;
}

const INITIAL: ImportState = { file: null, mapping: null, preview: null, isPreviewing: false, isStarting: false, status: null, error: null };

export function useImport() {
  const actions = useAdminActions();
  const tr = useTranslator();
  const [state, setState] = useState<ImportState>(INITIAL);
  const latest = useRef(0);

  const preview = useCallback(
    async (file: File, mapping: ColumnMapping | null) => {
      const call = ++latest.current;
      setState({ ...INITIAL, file, mapping, isPreviewing: true });
      try {
        const result = await actions.previewImport({ file, mapping });
        if (call === latest.current) setState((s) => ({ ...s, preview: result, isPreviewing: false }));
      } catch (caught) {
        if (call === latest.current) setState((s) => ({ ...s, isPreviewing: false, error: { title: "preview", detail: describeError(caught, tr) } }));
      }
    },
    [actions, tr],
  );

  const start = useCallback(async () => {
    const { file, mapping } = state;
    if (!file) return;
    setState((s) => ({ ...s, isStarting: true, error: null }));
    try {
      const id = await actions.startImport({ file, mapping });
      setState((s) => ({ ...s, isStarting: false, status: { ...emptyStatus(id), status: "running" } }));
    } catch (caught) {
      setState((s) => ({ ...s, isStarting: false, error: { title: "start", detail: describeError(caught, tr) } }));
    }
  }, [actions, state, tr]);

  const jobId = state.status?.id ?? null;
  const isRunning = state.status?.status === "running";
  useEffect(() => {
    if (!jobId || !isRunning) return;
    let isCancelled = false;
    const timer = window.setInterval(() => {
      actions.readImport(jobId).then(
        (status) => !isCancelled && setState((s) => (s.status?.id === jobId ? { ...s, status, error: null } : s)),
        (caught: unknown) => !isCancelled && setState((s) => ({ ...s, error: { title: "status", detail: describeError(caught, tr) } })),
      );
    }, JOB_POLL_MS);
    return () => {
      isCancelled = true;
      window.clearInterval(timer);
    };
  }, [actions, jobId, isRunning, tr]);

  /** Back to the preview of the same file, to import it again (to resume, or after a fix). */
  const again = useCallback(() => {
    if (state.file) void preview(state.file, state.mapping);
  }, [preview, state.file, state.mapping]);

  const reset = useCallback(() => {
    latest.current++;
    setState(INITIAL);
  }, []);

  return { state, preview, start, again, reset };
}

function emptyStatus(id: string): ImportStatus {
  return { id, status: "running", phase: "starting", total: null, processed: 0, created: 0, updated: 0, skipped: 0, errors: [], errorCount: 0, failure: null, startedAt: new Date().toISOString(), finishedAt: null };
}
