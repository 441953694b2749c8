/** The configuration page of the channel tab: pins the signed-in manager's team dashboard. */
import { Subtitle1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorNotice } from "../../components/ErrorNotice/ErrorNotice.js";
import { GoalListSkeleton } from "../../components/GoalListSkeleton/GoalListSkeleton.js";
import { InfoNotice } from "../../components/InfoNotice/InfoNotice.js";
import { useMe } from "../../api/use-me.js";
import { describeError } from "../../i18n/describe-error.js";
import { useChannelConfig } from "./use-channel-config.js";
import { useTranslator } from "../../i18n/use-translator.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "560px" },
});

export default function ChannelConfigView() {
  const styles = useStyles();
  const me = useMe();
  const tr = useTranslator();
  const { t } = tr;
  const host = useChannelConfig(me.data ? { id: me.data.id, displayName: me.data.displayName } : null);

  if (me.error) return <ErrorNotice title={t("profile.loadFailed")} detail={describeError(me.error, tr)} onRetry={me.reload} />;
  if (me.isLoading || !me.data) return <GoalListSkeleton />;
  return (
    <div className={styles.root}>
      <Subtitle1 as="h2">{t("config.title")}</Subtitle1>
      <Text>{t("config.body", { name: me.data.displayName })}</Text>
      {me.data.reportsCount === 0 && <InfoNotice text={t("config.noReports")} />}
      {host === "browser" && <InfoNotice text={t("config.browser")} />}
      {host === "teams" && <Text weight="semibold">{t("config.teams")}</Text>}
    </div>
  );
}
