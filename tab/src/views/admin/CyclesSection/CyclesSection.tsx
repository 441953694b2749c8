/** The organisation's cycles: create new ones, close those that are over. */
import { Badge, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import { useState } from "react";
import type { CycleView } from "../../../api/types.js";
import { useAdminActions } from "../../../api/use-admin.js";
import { useCycles } from "../../../api/use-me.js";
import { ErrorNotice } from "../../../components/ErrorNotice/ErrorNotice.js";
import { useNotify, useNotifyFailure } from "../../../components/Notify/use-notify.js";
import { useReturnFocus } from "../../../components/ReturnFocus/use-return-focus.js";
import { describeCycleDates } from "../../../logic/cycles.js";
import { describeError } from "../../../i18n/describe-error.js";
import { AdminSection } from "../AdminSection/AdminSection.js";
import { CreateCycleForm } from "../CreateCycleForm/CreateCycleForm.js";
import { useTranslator } from "../../../i18n/use-translator.js";
import { TableRegion } from "../../../components/TableRegion/TableRegion.js";

export function CyclesSection() {
  const cycles = useCycles();
  const actions = useAdminActions();
  const notify = useNotify();
  const notifyFailure = useNotifyFailure();
  const tr = useTranslator();
  const { t } = tr;
  const [closing, setClosing] = useState<CycleView | null>(null);
  const [isClosing, setIsClosing] = useState(false);
  useReturnFocus(closing !== null);

  const [openingId, setOpeningId] = useState<string | null>(null);

  const openCloseOut = async (cycle: CycleView) => {
    setOpeningId(cycle.id);
    try {
      await actions.openCloseOut(cycle.id);
      notify(t("admin.cycles.closeOutOpened", { name: cycle.name }));
    } catch (caught) {
      notifyFailure(t("admin.cycles.closeOutNotOpened"), caught);
    } finally {
      setOpeningId(null);
    }
  };

  const close = async () => {
    if (!closing) return;
    setIsClosing(true);
    try {
      await actions.closeCycle(closing.id);
      notify(t("admin.cycles.closed", { name: closing.name }));
      setClosing(null);
    } catch (caught) {
      notifyFailure(t("admin.cycles.notClosed"), caught);
    } finally {
      setIsClosing(false);
    }
  };

  const sorted = [...(cycles.data ?? [])].sort((a, b) => b.startDate.localeCompare(a.startDate));
  return (
    <AdminSection title={t("admin.cycles.title")} description={t("admin.cycles.description")}>
      {cycles.error && <ErrorNotice title={t("cycle.loadFailed")} detail={describeError(cycles.error, tr)} onRetry={cycles.reload} />}
      {cycles.isLoading && <Spinner label={t("admin.cycles.loading")} />}
      {sorted.length > 0 && (
        <TableRegion label={t("admin.cycles.title")}>
          <Table aria-label={t("admin.cycles.title")} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("cycle.label")}</TableHeaderCell>
                <TableHeaderCell>{t("admin.cycles.dates")}</TableHeaderCell>
                <TableHeaderCell>{t("history.field.status")}</TableHeaderCell>
                <TableHeaderCell>{t("admin.cycles.action")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {sorted.map((cycle) => (
                <TableRow key={cycle.id}>
                  <TableCell>{cycle.name}</TableCell>
                  <TableCell>{describeCycleDates(cycle, tr)}</TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={cycle.status === "open" ? (cycle.isCurrent ? "brand" : "informative") : "subtle"}>
                      {cycle.status === "closed" ? t("admin.cycles.status.closed") : cycle.isCurrent ? t("admin.cycles.status.current") : t("admin.cycles.status.open")}
                    </Badge>
                  </TableCell>
                  <TableCell>
                    {!cycle.isCloseOutOpen && (
                      <Button size="small" disabled={openingId === cycle.id} onClick={() => void openCloseOut(cycle)} aria-label={t("admin.cycles.openCloseOut.label", { name: cycle.name })}>
                        {t("admin.cycles.openCloseOut")}
                      </Button>
                    )}
                    {cycle.status === "open" && (
                      <Button size="small" onClick={() => setClosing(cycle)} aria-label={t("admin.cycles.close.label", { name: cycle.name })}>
                        {t("admin.cycles.close")}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableRegion>
      )}
      <CreateCycleForm />
      <Dialog open={closing !== null} modalType="alert" onOpenChange={(_event, data) => !data.open && !isClosing && setClosing(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t("admin.cycles.dialog.title", { name: closing?.name ?? "" })}</DialogTitle>
            <DialogContent>{t("admin.cycles.dialog.body")}</DialogContent>
            <DialogActions>
              <Button appearance="primary" disabled={isClosing} onClick={() => void close()} icon={isClosing ? <Spinner size="tiny" /> : undefined}>
                {t("admin.cycles.dialog.confirm")}
              </Button>
              <Button disabled={isClosing} onClick={() => setClosing(null)}>
                {t("admin.cycles.dialog.cancel")}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </AdminSection>
  );
}
