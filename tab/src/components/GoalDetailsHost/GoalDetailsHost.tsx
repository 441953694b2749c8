/** Opens one goal's details over whatever page is showing: from a goal's Details button, or from a
 * link (`?goal=` on the web, the page's sub-page id in Teams). The panel's code loads on first use,
 * so the first screen does not carry it. */
import { Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { buildGoalUrl, chooseViewForGoal, readGoalLink, type GoalRelation } from "../../logic/goal-link.js";
import { readFocusedElement, returnFocusTo, yieldFocusToOpeningSurface } from "../ReturnFocus/use-return-focus.js";
import { GoalDetailsContext, type GoalDetailsControls } from "./goal-details-context.js";
import { useTranslator } from "../../i18n/use-translator.js";

const GoalDetailsDrawer = lazy(() => import("../GoalDetailsDrawer/GoalDetailsDrawer.js"));

const useStyles = makeStyles({
  loading: {
    position: "fixed",
    insetBlock: 0,
    insetInlineEnd: 0,
    width: "min(100vw, 480px)",
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow64,
  },
});

interface PanelState {
  goalId: string | null;
  isOpen: boolean;
  /** Changes on every open, so each opening starts from fresh form state. */
  session: number;
  /** Opened by a link and not yet placed on the page the goal belongs to. */
  isFromLink: boolean;
}

export interface GoalDetailsHostProps {
  viewId: string;
  onNavigate: (viewId: string) => void;
  /** Inside Teams, where a deep link puts the goal id. */
  teamsSubPageId?: string | null;
  children: ReactNode;
}

function readInitialPanel(teamsSubPageId: string | null | undefined): PanelState {
  const goalId = readGoalLink(window.location.search, teamsSubPageId);
  return { goalId, isOpen: goalId !== null, session: 1, isFromLink: goalId !== null };
}

export function GoalDetailsHost({ viewId, onNavigate, teamsSubPageId, children }: GoalDetailsHostProps) {
  const styles = useStyles();
  const { t } = useTranslator();
  const [panel, setPanel] = useState<PanelState>(() => readInitialPanel(teamsSubPageId));
  // The panel is opened from many places without a Fluent trigger, so focus goes back by hand.
  const opener = useRef<HTMLElement | null>(null);

  const controls = useMemo<GoalDetailsControls>(
    () => ({
      openGoal(goalId) {
        yieldFocusToOpeningSurface();
        opener.current = readFocusedElement();
        // Kept in the address so a reload, or a copied link, opens the same goal.
        window.history.replaceState(null, "", buildGoalUrl(window.location.href, goalId));
        setPanel((current) => ({ goalId, isOpen: true, session: current.session + 1, isFromLink: false }));
      },
    }),
    [],
  );

  const close = useCallback(() => {
    window.history.replaceState(null, "", buildGoalUrl(window.location.href, null));
    setPanel((current) => ({ ...current, isOpen: false, isFromLink: false }));
  }, []);

  useEffect(() => {
    if (panel.isOpen || !opener.current) return;
    returnFocusTo(opener.current);
    opener.current = null;
  }, [panel.isOpen]);

  const placeGoal = useCallback(
    (relation: GoalRelation) => {
      if (!panel.isFromLink) return;
      setPanel((current) => ({ ...current, isFromLink: false }));
      const target = chooseViewForGoal(viewId, relation);
      if (target !== viewId) onNavigate(target);
    },
    [panel.isFromLink, viewId, onNavigate],
  );

  const loading = (
    <div className={styles.loading} role="status">
      <Spinner label={t("goalDetails.opening")} />
    </div>
  );

  return (
    <GoalDetailsContext.Provider value={controls}>
      {children}
      {panel.goalId && (
        <Suspense fallback={panel.isOpen ? loading : null}>
          <GoalDetailsDrawer
            key={panel.session}
            goalId={panel.goalId}
            isOpen={panel.isOpen}
            onClose={close}
            onRelationKnown={placeGoal}
          />
        </Suspense>
      )}
    </GoalDetailsContext.Provider>
  );
}
