/** The page around every way of signing in: the brand bar, a heading with its explanation, and a
 * notice when the person is here again. It marks the first render and starts loading the view the
 * address asks for, so the view is ready once the person is signed in. */
import { MessageBar, MessageBarBody, Text, Title2 } from "@fluentui/react-components";
import { TargetArrowFilled } from "@fluentui/react-icons";
import { useEffect, type ReactNode } from "react";
import { resolveViewId } from "../../views/view-ids.js";
import { VIEWS } from "../../views/view-registry.js";
import { markFirstRender } from "../first-render.js";
import { useSignInStyles } from "./SignInFrame.styles.js";
import { useTranslator } from "../../i18n/use-translator.js";

export interface SignInFrameProps {
  heading: string;
  intro: string;
  notice: string | null;
  actions?: ReactNode;
  children: ReactNode;
}

export function SignInFrame({ heading, intro, notice, actions, children }: SignInFrameProps) {
  const styles = useSignInStyles();
  const { t } = useTranslator();

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
            {t("app.name")}
          </Text>
        </div>
        {actions}
      </div>
      <main className={styles.panel}>
        <div className={styles.intro}>
          <Title2 as="h1" className={styles.heading}>
            {heading}
          </Title2>
          <Text className={styles.muted}>{intro}</Text>
        </div>
        {notice && (
          <MessageBar intent="warning">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        {children}
      </main>
    </div>
  );
}
