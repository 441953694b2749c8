/** Erases one person's data (a GDPR erasure request), leaving only a record that it happened. */
import { Button, Field, Input, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DeleteRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { useAdminActions, useJobStatus } from "../../../api/use-admin.js";
import { ErrorNotice } from "../../../components/ErrorNotice/ErrorNotice.js";
import { AdminSection } from "../AdminSection/AdminSection.js";
import { EraseDialog, type EraseTarget } from "../EraseDialog/EraseDialog.js";
import { JobProgress } from "../JobProgress/JobProgress.js";
import { PersonSearch } from "../PersonSearch/PersonSearch.js";

const useStyles = makeStyles({
  choices: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(260px, 1fr))", gap: tokens.spacingHorizontalXL, alignItems: "start" },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
});

const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function EraseSection() {
  const styles = useStyles();
  const actions = useAdminActions();
  const status = useJobStatus("erase");
  const [target, setTarget] = useState<EraseTarget | null>(null);
  const [objectId, setObjectId] = useState("");
  const [isErasing, setIsErasing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const erase = async () => {
    if (!target) return;
    setIsErasing(true);
    setError(null);
    try {
      await actions.startJob("erase", { personId: target.id });
      setTarget(null);
      setObjectId("");
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setTarget(null);
    } finally {
      setIsErasing(false);
    }
  };

  const isRunning = status.data?.isRunning ?? false;
  const isIdValid = OBJECT_ID.test(objectId.trim());
  return (
    <AdminSection title="Erase a person's data" description="For a data-subject erasure request. Cascade removes everything it holds about the person from every table.">
      {status.data && <JobProgress status={status.data} noun="erasure" />}
      {status.error && <ErrorNotice title="The erasure status could not be loaded" detail={status.error.message} onRetry={status.reload} />}
      {error && <ErrorNotice title="The erasure did not start" detail={error} />}
      {isRunning ? (
        <Text>Another erasure can start when this one has finished.</Text>
      ) : (
        <div className={styles.choices}>
          <PersonSearch label="Find the person" hint="People still in the directory." onPick={(person) => setTarget({ id: person.id, confirmText: person.displayName, label: person.displayName })} />
          <form className={styles.row} onSubmit={(event) => (event.preventDefault(), isIdValid && setTarget({ id: objectId.trim(), confirmText: objectId.trim(), label: "this person" }))}>
            <Field label="Or enter their object id" hint="For someone who has already left the directory.">
              <Input value={objectId} onChange={(_event, data) => setObjectId(data.value)} placeholder="00000000-0000-0000-0000-000000000000" />
            </Field>
            <Button type="submit" icon={<DeleteRegular />} disabled={!isIdValid}>
              Erase…
            </Button>
          </form>
        </div>
      )}
      {isErasing && <Spinner size="tiny" label="Starting…" />}
      <EraseDialog target={target} isErasing={isErasing} onConfirm={() => void erase()} onCancel={() => setTarget(null)} />
    </AdminSection>
  );
}
