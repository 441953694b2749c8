/** Local development only: choose which demo person to be. */
import { MessageBar, MessageBarBody, Text, Title2 } from "@fluentui/react-components";
import { TargetArrowFilled } from "@fluentui/react-icons";
import { useEffect, type ReactNode } from "react";
import { useDevSignIn, type SignedInPerson } from "../../api/use-dev-sign-in.js";
import { resolveViewId } from "../../views/view-ids.js";
import { VIEWS } from "../../views/view-registry.js";
import { markFirstRender } from "../first-render.js";
import { PeoplePicker } from "../PeoplePicker/PeoplePicker.js";
import { useSignInStyles } from "./SignInPage.styles.js";

export interface SignInPageProps {
  notice: string | null;
  onSignedIn: (person: SignedInPerson) => void;
  actions?: ReactNode;
}

export function SignInPage({ notice, onSignedIn, actions }: SignInPageProps) {
  const styles = useSignInStyles();
  const { signIn, pendingUserId, error } = useDevSignIn(onSignedIn);

  useEffect(() => {
    markFirstRender();
    const viewId = resolveViewId(window.location.search, VIEWS);
    void VIEWS.find((view) => view.id === viewId)?.preload();
  }, []);

  return (
    <div className={styles.root}>
      <div className={styles.topBar}>
        <div className={styles.brand}>
          <TargetArrowFilled fontSize={28} aria-hidden />
          <Text weight="semibold" size={500} className={styles.brandName}>
            Cascade
          </Text>
        </div>
        {actions}
      </div>
      <main className={styles.panel}>
        <div className={styles.intro}>
          <Title2 as="h1" className={styles.heading}>
            Choose who you are
          </Title2>
          <Text className={styles.muted}>
            Cascade is running on this computer with a demo organisation. Pick a person to see Cascade as they would.
          </Text>
        </div>
        {notice && (
          <MessageBar intent="warning">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        <PeoplePicker pendingUserId={pendingUserId} onPick={signIn} />
      </main>
    </div>
  );
}
