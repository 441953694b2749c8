/** The configuration page of the channel tab: pins the signed-in manager's team dashboard. */
import { Subtitle1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorNotice } from "../../components/ErrorNotice/ErrorNotice.js";
import { GoalListSkeleton } from "../../components/GoalListSkeleton/GoalListSkeleton.js";
import { InfoNotice } from "../../components/InfoNotice/InfoNotice.js";
import { useMe } from "../../api/use-me.js";
import { useChannelConfig } from "./use-channel-config.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "560px" },
});

export default function ChannelConfigView() {
  const styles = useStyles();
  const me = useMe();
  const host = useChannelConfig(me.data ? { id: me.data.id, displayName: me.data.displayName } : null);

  if (me.error) return <ErrorNotice title="Your profile could not be loaded" detail={me.error.message} onRetry={me.reload} />;
  if (me.isLoading || !me.data) return <GoalListSkeleton />;
  return (
    <div className={styles.root}>
      <Subtitle1 as="h2">Pin your team&apos;s dashboard</Subtitle1>
      <Text>
        This tab will show the dashboard of {me.data.displayName}&apos;s team: progress, coverage, goals at risk and check-ins, for
        the current cycle. The members of this team will see it here; goals that are not public are left out for them.
      </Text>
      {me.data.reportsCount === 0 && <InfoNotice text="You have no direct reports yet, so the dashboard will be empty until someone joins your team." />}
      {host === "browser" && <InfoNotice text="Open this page from a Teams channel's Add a tab dialog to pin the dashboard there." />}
      {host === "teams" && <Text weight="semibold">Select Save to add the tab.</Text>}
    </div>
  );
}
