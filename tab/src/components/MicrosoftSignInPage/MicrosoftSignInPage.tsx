/** A plain browser in Entra mode: sign in with a Microsoft work or school account. */
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { PersonRegular } from "@fluentui/react-icons";
import type { ReactNode } from "react";
import { SignInFrame } from "../SignInFrame/SignInFrame.js";
import { useTranslator } from "../../i18n/use-translator.js";

export interface MicrosoftSignInPageProps {
  /** Why the person is here again (their sign-in was not accepted), if they were signed in before. */
  notice: string | null;
  error: string | null;
  /** True while MSAL is still starting or the page is leaving for Microsoft. */
  isBusy: boolean;
  onSignIn: () => void;
  actions?: ReactNode;
}

export function MicrosoftSignInPage({ notice, error, isBusy, onSignIn, actions }: MicrosoftSignInPageProps) {
  const { t } = useTranslator();
  return (
    <SignInFrame
      heading={t("signIn.microsoft.heading")}
      intro={t("signIn.microsoft.intro")}
      notice={notice}
      actions={actions}
    >
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("signIn.failed")}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button appearance="primary" size="large" icon={<PersonRegular />} onClick={onSignIn} disabledFocusable={isBusy}>
          {t("signIn.microsoft.button")}
        </Button>
      </div>
    </SignInFrame>
  );
}
