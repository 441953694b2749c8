/** Local development: a stand-in for the person's Teams chat with Cascade. It shows every card the
 * app sent them and sends their card actions and typed messages to /api/messages as Teams would,
 * so the whole chat can be tried without a tenant. */
import { Avatar, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular } from "@fluentui/react-icons";
import { useEffect } from "react";
import { useInbox, useLocalChat, toTeamsUserId } from "../../api/use-local-chat.js";
import { useMe } from "../../api/use-me.js";
import { ErrorNotice } from "../../components/ErrorNotice/ErrorNotice.js";
import { GoalListSkeleton } from "../../components/GoalListSkeleton/GoalListSkeleton.js";
import { InfoNotice } from "../../components/InfoNotice/InfoNotice.js";
import { PageHeader } from "../../components/PageHeader/PageHeader.js";
import { describeError } from "../../i18n/describe-error.js";
import { AdaptiveCardView } from "../approvals/AdaptiveCardView.js";
import { ChatComposer } from "./ChatComposer.js";
import { useTranslator } from "../../i18n/use-translator.js";

/** New cards arrive when other people act (a decision on your goal), so the chat looks again now and then. */
const POLL_MS = 5000;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "760px" },
  muted: { color: tokens.colorNeutralForeground3 },
  messages: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL, listStyleType: "none", margin: 0, padding: 0 },
  message: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  sender: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "baseline" },
  body: { gridColumn: "2" },
});

export default function ChatView() {
  const styles = useStyles();
  const me = useMe();
  const chat = useLocalChat(me.data);
  const inbox = useInbox();
  const tr = useTranslator();
  const { t } = tr;
  const { reload } = inbox;

  useEffect(() => {
    // Opening the chat is what installing the app is in Teams: from now on cards come here.
    chat?.install().then(reload, () => undefined);
  }, [chat, reload]);

  useEffect(() => {
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);

  if (inbox.error?.status === 404) return <InfoNotice text={t("chat.localOnly")} />;
  if (me.error || inbox.error) return <ErrorNotice title={t("chat.loadFailed")} detail={describeError(me.error ?? inbox.error, tr)} onRetry={reload} />;
  if (!me.data || !chat || inbox.isLoading) return <GoalListSkeleton />;
  const messages = inbox.data ?? [];
  const viewerId = toTeamsUserId(me.data);
  const sendText = async (text: string) => {
    await chat.sendText(text);
    reload();
  };
  return (
    <div className={styles.root}>
      <PageHeader title={t("view.chat")} subtitle={t("chat.intro", { name: me.data.displayName })}>
        <Button icon={<ArrowClockwiseRegular />} onClick={reload}>
          {t("chat.check")}
        </Button>
      </PageHeader>
      {messages.length === 0 && <InfoNotice text={t("chat.empty")} />}
      <ol className={styles.messages} aria-label={t("chat.messages")}>
        {messages.map((message) => (
          <li key={message.id} className={styles.message}>
            <Avatar name={t("app.name")} color="brand" size={32} />
            <div className={styles.sender}>
              <Text weight="semibold">{t("app.name")}</Text>
              <Text size={200} className={styles.muted}>
                {tr.formatDateTime(message.sentAt)}
              </Text>
            </div>
            <div className={styles.body}>
              <AdaptiveCardView card={message.card} label={t("chat.messageLabel")} onExecute={chat.execute} refreshAs={viewerId} onSendText={(text) => void sendText(text)} />
            </div>
          </li>
        ))}
      </ol>
      <ChatComposer onSend={sendText} />
    </div>
  );
}
