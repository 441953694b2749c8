/** Local development only: choose which demo person to be. */
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useDevSignIn, type SignedInPerson } from "../../api/use-dev-sign-in.js";
import { PeoplePicker } from "../PeoplePicker/PeoplePicker.js";
import { SignInFrame } from "../SignInFrame/SignInFrame.js";
import { useTranslator } from "../../i18n/use-translator.js";

export interface SignInPageProps {
  notice: string | null;
  onSignedIn: (person: SignedInPerson) => void;
  actions?: ReactNode;
}

export function SignInPage({ notice, onSignedIn, actions }: SignInPageProps) {
  const { t } = useTranslator();
  const { signIn, pendingUserId, error } = useDevSignIn(onSignedIn);
  return (
    <SignInFrame
      heading={t("signIn.demo.heading")}
      intro={t("signIn.demo.intro")}
      notice={notice}
      actions={actions}
    >
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <PeoplePicker pendingUserId={pendingUserId} onPick={signIn} />
    </SignInFrame>
  );
}
