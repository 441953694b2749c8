/** A plain browser in Entra mode: sign in with a Microsoft work or school account. */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, Title2 } from "@fluentui/react-components";
import { PersonRegular, TargetArrowFilled } from "@fluentui/react-icons";
import { useEffect, type ReactNode } from "react";
import { resolveViewId } from "../../views/view-ids.js";
import { VIEWS } from "../../views/view-registry.js";
import { markFirstRender } from "../first-render.js";
import { useSignInStyles } from "../SignInPage/SignInPage.styles.js";

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
  const styles = useSignInStyles();

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
            Sign in to Cascade
          </Title2>
          <Text className={styles.muted}>Use your work or school account to see your goals and how they line up with your organisation&apos;s.</Text>
        </div>
        {notice && (
          <MessageBar intent="warning">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        {error && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Sign-in did not work</MessageBarTitle>
              {error}
            </MessageBarBody>
          </MessageBar>
        )}
        <div>
          <Button appearance="primary" size="large" icon={<PersonRegular />} onClick={onSignIn} disabledFocusable={isBusy}>
            Sign in with Microsoft
          </Button>
        </div>
      </main>
    </div>
  );
}
