/** A plain browser: asks the server how people sign in here, then shows the demo organisation's picker
 * (local development) or Microsoft sign-in (Entra mode). */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useSignInSettings } from "../../api/use-sign-in-settings.js";
import type { ThemeName } from "../../host/theme.js";
import { describeError } from "../../i18n/describe-error.js";
import { BootScreen } from "../BootScreen/BootScreen.js";
import { BrowserApp } from "../BrowserApp/BrowserApp.js";
import { ErrorNotice } from "../ErrorNotice/ErrorNotice.js";
import { MicrosoftBrowserApp } from "../MicrosoftBrowserApp/MicrosoftBrowserApp.js";
import { useTranslator } from "../../i18n/use-translator.js";

const useStyles = makeStyles({
  problem: { maxWidth: "640px", margin: "0 auto", padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}` },
});

export interface BrowserEntryProps {
  theme: ThemeName;
  onThemeChange: (theme: ThemeName) => void;
}

export function BrowserEntry({ theme, onThemeChange }: BrowserEntryProps) {
  const styles = useStyles();
  const tr = useTranslator();
  const { settings, error, reload } = useSignInSettings(tr.locale);
  if (error) {
    return (
      <main className={styles.problem}>
        <ErrorNotice title={tr.t("app.startFailed")} detail={describeError(error, tr)} onRetry={reload} />
      </main>
    );
  }
  if (!settings) return <BootScreen label={tr.t("app.opening")} />;
  if (settings.mode === "dev") return <BrowserApp theme={theme} onThemeChange={onThemeChange} />;
  return <MicrosoftBrowserApp settings={settings} theme={theme} onThemeChange={onThemeChange} />;
}
