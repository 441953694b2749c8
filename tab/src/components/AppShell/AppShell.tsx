/** Header with the view tabs, and the selected view loaded on demand. */
import { Tab, TabList, Text, Toaster, makeStyles, tokens, type SelectTabData } from "@fluentui/react-components";
import { TargetArrowFilled } from "@fluentui/react-icons";
import { Suspense, useCallback, useEffect, useState, type ReactNode } from "react";
import { buildViewUrl, resolveViewId } from "../../views/view-ids.js";
import { VIEWS } from "../../views/view-registry.js";
import { useMe } from "../../api/use-me.js";
import { useRememberTimeZone } from "../../api/use-time-zone.js";
import { BootScreen } from "../BootScreen/BootScreen.js";
import { GoalDetailsHost } from "../GoalDetailsHost/GoalDetailsHost.js";
import { markFirstRender } from "../first-render.js";
import { TOASTER_ID } from "../Notify/toaster-id.js";
import { useTranslator } from "../../i18n/use-translator.js";

const useStyles = makeStyles({
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalL,
    padding: `0 ${tokens.spacingHorizontalXXL}`,
    minHeight: "48px",
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    flexWrap: "wrap",
    "@media (max-width: 480px)": { padding: `0 ${tokens.spacingHorizontalS}`, gap: tokens.spacingHorizontalS },
  },
  brand: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, color: tokens.colorBrandForeground1 },
  brandName: { color: tokens.colorNeutralForeground1 },
  // On a phone or in a narrow side panel the view tabs wrap onto more lines rather than run off the edge.
  tabs: { flexGrow: 1, flexShrink: 1, flexWrap: "wrap", minWidth: 0 },
  actions: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  main: {
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    maxWidth: "1200px",
    margin: "0 auto",
    minWidth: 0,
    overflowWrap: "break-word",
    "@media (max-width: 480px)": { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}` },
  },
});

export interface AppShellProps {
  /** Teams already shows the app's name, so only a browser shows it again. */
  showBrand: boolean;
  actions?: ReactNode;
  onFirstRender?: () => void;
  /** Inside Teams, the deep link's sub-page id: the goal to open. */
  teamsSubPageId?: string | null;
  /** Local development with the demo organisation: shows the local preview of the Teams chat. */
  isLocal?: boolean;
}

/** Toasts are announced where they are dispatched (useNotify). */
function ignoreToastAnnouncement(): void {}

export function AppShell({ showBrand, actions, onFirstRender, teamsSubPageId, isLocal = false }: AppShellProps) {
  const styles = useStyles();
  const { t } = useTranslator();
  const [viewId, setViewId] = useState(() => resolveViewId(window.location.search, VIEWS));
  const view = VIEWS.find((candidate) => candidate.id === viewId) ?? VIEWS[0];
  const me = useMe().data;
  const isAdmin = me?.isAdmin ?? false;
  useRememberTimeZone(me !== undefined);

  useEffect(() => {
    if (markFirstRender()) onFirstRender?.();
  }, [onFirstRender]);

  const showView = useCallback((next: string) => {
    window.history.replaceState(null, "", buildViewUrl(window.location.href, next));
    setViewId(next);
  }, []);
  const selectView = (_event: unknown, data: SelectTabData) => showView(String(data.value));

  return (
    <>
      <header className={styles.header}>
        {showBrand && (
          <div className={styles.brand}>
            <TargetArrowFilled fontSize={24} aria-hidden />
            <Text weight="semibold" size={400} className={styles.brandName}>
              {t("app.name")}
            </Text>
          </div>
        )}
        <TabList className={styles.tabs} selectedValue={viewId} onTabSelect={selectView} aria-label={t("shell.views")}>
          {VIEWS.filter((entry) => entry.id === viewId || (!entry.isHidden && (!entry.isLocalOnly || isLocal) && (!entry.isAdminOnly || isAdmin))).map((entry) => (
            <Tab key={entry.id} value={entry.id} onMouseEnter={() => void entry.preload()}>
              {t(entry.label)}
            </Tab>
          ))}
        </TabList>
        {actions && <div className={styles.actions}>{actions}</div>}
      </header>
      <GoalDetailsHost viewId={viewId} onNavigate={showView} teamsSubPageId={teamsSubPageId}>
        <main className={styles.main}>
          <Suspense fallback={<BootScreen label={t("shell.loading")} />}>{view && <view.Component />}</Suspense>
        </main>
      </GoalDetailsHost>
      {/* useNotify says each toast in the page's live regions itself. */}
      <Toaster toasterId={TOASTER_ID} position="bottom-end" announce={ignoreToastAnnouncement} />
    </>
  );
}
