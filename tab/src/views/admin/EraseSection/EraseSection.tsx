/** Erases one person's data (a GDPR erasure request), leaving only a record that it happened. */
import { Button, Field, Input, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DeleteRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { useAdminActions, useJobStatus } from "../../../api/use-admin.js";
import { ErrorNotice } from "../../../components/ErrorNotice/ErrorNotice.js";
import { describeError } from "../../../i18n/describe-error.js";
import { AdminSection } from "../AdminSection/AdminSection.js";
import { EraseDialog, type EraseTarget } from "../EraseDialog/EraseDialog.js";
import { JobProgress } from "../JobProgress/JobProgress.js";
import { PersonSearch } from "../PersonSearch/PersonSearch.js";
import { useTranslator } from "../../../i18n/use-translator.js";

const useStyles = makeStyles({
  choices: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(min(260px, 100%), 1fr))", gap: tokens.spacingHorizontalXL, alignItems: "start" },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
});

const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function EraseSection() {
  const styles = useStyles();
  const actions = useAdminActions();
  const tr = useTranslator();
  const { t } = tr;
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
      setError(describeError(caught, tr));
      setTarget(null);
    } finally {
      setIsErasing(false);
    }
  };

  const isRunning = status.data?.isRunning ?? false;
  const isIdValid = OBJECT_ID.test(objectId.trim());
  return (
    <AdminSection title={t("admin.erase.title")} description={t("admin.erase.description")}>
      {status.data && <JobProgress status={status.data} kind="erase" />}
      {status.error && <ErrorNotice title={t("admin.erase.loadFailed")} detail={describeError(status.error, tr)} onRetry={status.reload} />}
      {error && <ErrorNotice title={t("admin.erase.failed")} detail={error} />}
      {isRunning ? (
        <Text>{t("admin.erase.busy")}</Text>
      ) : (
        <div className={styles.choices}>
          <PersonSearch label={t("admin.erase.find")} hint={t("admin.erase.find.hint")} onPick={(person) => setTarget({ id: person.id, confirmText: person.displayName, label: person.displayName })} />
          <form className={styles.row} onSubmit={(event) => (event.preventDefault(), isIdValid && setTarget({ id: objectId.trim(), confirmText: objectId.trim(), label: t("admin.erase.thisPerson") }))}>
            <Field label={t("admin.erase.objectId")} hint={t("admin.erase.objectId.hint")}>
              <Input value={objectId} onChange={(_event, data) => setObjectId(data.value)} placeholder="00000000-0000-0000-0000-000000000000" />
            </Field>
            <Button type="submit" icon={<DeleteRegular />} disabled={!isIdValid}>
              {t("admin.erase.button")}
            </Button>
          </form>
        </div>
      )}
      {isErasing && <Spinner size="tiny" label={t("admin.erase.starting")} />}
      <EraseDialog target={target} isErasing={isErasing} onConfirm={() => void erase()} onCancel={() => setTarget(null)} />
    </AdminSection>
  );
}
