/** Admin view: settings, cycles, org-chart sync, export and erasure. Shown to holders of the
 * Cascade.Admin app role; the server checks the role on every admin call as well. */
import { Spinner, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { useMe } from "../../api/use-me.js";
import { ErrorNotice } from "../../components/ErrorNotice/ErrorNotice.js";
import { InfoNotice } from "../../components/InfoNotice/InfoNotice.js";
import { AdminLogSection } from "./AdminLogSection/AdminLogSection.js";
import { CyclesSection } from "./CyclesSection/CyclesSection.js";
import { EraseSection } from "./EraseSection/EraseSection.js";
import { ExportSection } from "./ExportSection/ExportSection.js";
import { SettingsSection } from "./SettingsSection/SettingsSection.js";
import { SyncSection } from "./SyncSection/SyncSection.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
  title: { margin: 0 },
});

export default function AdminView() {
  const styles = useStyles();
  const me = useMe();
  if (me.error) return <ErrorNotice title="Cascade could not load who you are" detail={me.error.message} onRetry={me.reload} />;
  if (me.isLoading || !me.data) return <Spinner label="Loading…" />;
  if (!me.data.isAdmin) return <InfoNotice text="The Admin view is for Cascade admins. Ask your IT admin to assign you the Cascade admin role if you need it." />;
  return (
    <div className={styles.root}>
      <Title2 as="h1" className={styles.title}>
        Admin
      </Title2>
      <SettingsSection />
      <CyclesSection />
      <SyncSection />
      <ExportSection />
      <EraseSection />
      <AdminLogSection />
    </div>
  );
}
