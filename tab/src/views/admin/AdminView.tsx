/** Admin view: settings, cycles, org-chart sync, goal import, export and erasure. Shown to holders of the
 * Cascade.Admin app role; the server checks the role on every admin call as well. */
import { Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useMe } from "../../api/use-me.js";
import { ErrorNotice } from "../../components/ErrorNotice/ErrorNotice.js";
import { InfoNotice } from "../../components/InfoNotice/InfoNotice.js";
import { PageHeader } from "../../components/PageHeader/PageHeader.js";
import { describeError } from "../../i18n/describe-error.js";
import { AdminLogSection } from "./AdminLogSection/AdminLogSection.js";
import { CyclesSection } from "./CyclesSection/CyclesSection.js";
import { EraseSection } from "./EraseSection/EraseSection.js";
import { ExportSection } from "./ExportSection/ExportSection.js";
import { ImportSection } from "./ImportSection/ImportSection.js";
import { SettingsSection } from "./SettingsSection/SettingsSection.js";
import { SyncSection } from "./SyncSection/SyncSection.js";
import { useTranslator } from "../../i18n/use-translator.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
});

export default function AdminView() {
  const styles = useStyles();
  const me = useMe();
  const tr = useTranslator();
  const { t } = tr;
  if (me.error) return <ErrorNotice title={t("admin.meFailed")} detail={describeError(me.error, tr)} onRetry={me.reload} />;
  if (me.isLoading || !me.data) return <Spinner label={t("shell.loading")} />;
  if (!me.data.isAdmin) return <InfoNotice text={t("admin.notAdmin")} />;
  return (
    <div className={styles.root}>
      <PageHeader title={t("view.admin")} />
      <SettingsSection />
      <CyclesSection />
      <SyncSection />
      <ImportSection />
      <ExportSection />
      <EraseSection />
      <AdminLogSection />
    </div>
  );
}
