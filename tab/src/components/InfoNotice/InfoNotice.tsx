import { MessageBar, MessageBarBody } from "@fluentui/react-components";

export interface InfoNoticeProps {
  text: string;
}

export function InfoNotice({ text }: InfoNoticeProps) {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
