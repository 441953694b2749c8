/** The organisation's cycles: create new ones, close those that are over. */
import { Badge, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import { useState } from "react";
import type { CycleView } from "../../../api/types.js";
import { useAdminActions } from "../../../api/use-admin.js";
import { useCycles } from "../../../api/use-me.js";
import { ErrorNotice } from "../../../components/ErrorNotice/ErrorNotice.js";
import { useNotify } from "../../../components/Notify/use-notify.js";
import { describeCycleDates } from "../../../logic/cycles.js";
import { AdminSection } from "../AdminSection/AdminSection.js";
import { CreateCycleForm } from "../CreateCycleForm/CreateCycleForm.js";

export function CyclesSection() {
  const cycles = useCycles();
  const actions = useAdminActions();
  const notify = useNotify();
  const [closing, setClosing] = useState<CycleView | null>(null);
  const [isClosing, setIsClosing] = useState(false);

  const close = async () => {
    if (!closing) return;
    setIsClosing(true);
    try {
      await actions.closeCycle(closing.id);
      notify(`${closing.name} is closed`);
      setClosing(null);
    } catch (caught) {
      notify("The cycle was not closed", { intent: "error", body: caught instanceof Error ? caught.message : String(caught) });
    } finally {
      setIsClosing(false);
    }
  };

  const sorted = [...(cycles.data ?? [])].sort((a, b) => b.startDate.localeCompare(a.startDate));
  return (
    <AdminSection title="Cycles" description="Time boxes for goals. Close a cycle when it is over: its goals stay readable, and no new goals can be added to it.">
      {cycles.error && <ErrorNotice title="Cycles could not be loaded" detail={cycles.error.message} onRetry={cycles.reload} />}
      {cycles.isLoading && <Spinner label="Loading cycles…" />}
      {sorted.length > 0 && (
        <Table aria-label="Cycles" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Cycle</TableHeaderCell>
              <TableHeaderCell>Dates</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell>Action</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {sorted.map((cycle) => (
              <TableRow key={cycle.id}>
                <TableCell>{cycle.name}</TableCell>
                <TableCell>{describeCycleDates(cycle)}</TableCell>
                <TableCell>
                  <Badge appearance="tint" color={cycle.status === "open" ? (cycle.isCurrent ? "brand" : "informative") : "subtle"}>
                    {cycle.status === "closed" ? "Closed" : cycle.isCurrent ? "Current" : "Open"}
                  </Badge>
                </TableCell>
                <TableCell>
                  {cycle.status === "open" && (
                    <Button size="small" onClick={() => setClosing(cycle)} aria-label={`Close ${cycle.name}`}>
                      Close
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <CreateCycleForm />
      <Dialog open={closing !== null} modalType="alert" onOpenChange={(_event, data) => !data.open && !isClosing && setClosing(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Close {closing?.name}?</DialogTitle>
            <DialogContent>People can still read its goals, but no new goals can be added to it.</DialogContent>
            <DialogActions>
              <Button appearance="primary" disabled={isClosing} onClick={() => void close()} icon={isClosing ? <Spinner size="tiny" /> : undefined}>
                Close cycle
              </Button>
              <Button disabled={isClosing} onClick={() => setClosing(null)}>
                Keep it open
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </AdminSection>
  );
}
