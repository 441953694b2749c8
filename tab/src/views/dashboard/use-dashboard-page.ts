/** Everything the Dashboard view decides: whose team (the `manager` parameter, or the caller),
 * which cycle, and the CSV export. */
import { useState } from "react";
import { useDashboard, useExportCsv } from "../../api/use-dashboard.js";
import { useNotifyFailure } from "../../components/Notify/use-notify.js";
import { useTranslator } from "../../i18n/use-translator.js";
import { usePickedCycle } from "../use-picked-cycle.js";

function readIdParam(search: string, name: string): string | null {
  const value = new URLSearchParams(search).get(name);
  return value && /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(value) ? value : null;
}

export function readManagerParam(search: string): string | null {
  return readIdParam(search, "manager");
}

export function useDashboardPage() {
  const [managerId] = useState(() => readManagerParam(window.location.search));
  // Set in a channel tab: the team it is pinned in, whose members may see this dashboard.
  const [teamId] = useState(() => readIdParam(window.location.search, "team"));
  const { cycles, cycle, selectCycle } = usePickedCycle({ fromUrl: true });
  const dashboard = useDashboard(cycles.data ? managerId : null, cycle?.id ?? null, teamId);
  const exportCsv = useExportCsv();
  const notifyFailure = useNotifyFailure();
  const { t } = useTranslator();
  const [isExporting, setIsExporting] = useState(false);

  const download = async () => {
    setIsExporting(true);
    try {
      await exportCsv(managerId, cycle?.id ?? null);
    } catch (error) {
      notifyFailure(t("dashboard.exportFailed"), error);
    } finally {
      setIsExporting(false);
    }
  };

  return {
    managerId,
    cycles,
    cycle,
    dashboard,
    selectCycle,
    download,
    isExporting,
  };
}
