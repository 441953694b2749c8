/** A failed load, in plain words, with a way to try again. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useTranslator } from "../../i18n/use-translator.js";

export interface ErrorNoticeProps {
  title: string;
  detail?: string;
  onRetry?: () => void;
}

export function ErrorNotice({ title, detail, onRetry }: ErrorNoticeProps) {
  const { t } = useTranslator();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {detail}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>{t("common.retry")}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
