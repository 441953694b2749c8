/** One goal beside the page, whoever owns it: what it is, then its check-ins, kudos, comments (for
 * the owner and their managers) and history. Loaded on first use; the shell opens it. */
import { Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, OverlayDrawer, Spinner, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { GoalView, Me, PersonSummary } from "../../api/types.js";
import { describeGoalLoadFailure, type GoalRelation, type GoalSection } from "../../logic/goal-link.js";
import { describeError } from "../../i18n/describe-error.js";
import { CheckInSection } from "../CheckInSection/CheckInSection.js";
import { CommentsSection } from "../CommentsSection/CommentsSection.js";
import { ErrorNotice } from "../ErrorNotice/ErrorNotice.js";
import { GoalDetailsSummary } from "../GoalDetailsSummary/GoalDetailsSummary.js";
import { GoalHistoryList } from "../GoalHistoryList/GoalHistoryList.js";
import { KudosSection } from "../KudosSection/KudosSection.js";
import { useGoalDetailsPanel } from "./use-goal-details-panel.js";
import { useTranslator } from "../../i18n/use-translator.js";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, paddingBottom: tokens.spacingVerticalXXL },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  // No wider than the window, so a phone or a narrow side panel shows all of it.
  drawer: { maxWidth: "100%" },
  sections: { flexShrink: 1, flexWrap: "wrap", minWidth: 0 },
});

export interface GoalDetailsDrawerProps {
  goalId: string;
  isOpen: boolean;
  onClose: () => void;
  /** Called once the panel knows whose goal it is relative to the caller. */
  onRelationKnown: (relation: GoalRelation) => void;
}

interface SectionProps {
  section: GoalSection;
  goal: GoalView;
  me: Me;
  ownerName: string;
  known: readonly PersonSummary[];
}

function SectionContent({ section, goal, me, ownerName, known }: SectionProps) {
  const common = { goal, meId: me.id, ownerName, known };
  if (section === "kudos") return <KudosSection {...common} />;
  if (section === "comments") return <CommentsSection {...common} />;
  if (section === "history") return <GoalHistoryList goalId={goal.id} me={me} known={known} keyResults={goal.keyResults} />;
  return <CheckInSection {...common} />;
}

export default function GoalDetailsDrawer({ goalId, isOpen, onClose, onRelationKnown }: GoalDetailsDrawerProps) {
  const styles = useStyles();
  const panel = useGoalDetailsPanel(goalId, onRelationKnown);
  const { me, goal } = panel;
  const tr = useTranslator();
  const { t } = tr;
  const failure = goal.error ? describeGoalLoadFailure(goal.error, tr) : null;
  const title = goal.data?.title ?? (failure ? t("goalDetails.fallbackTitle") : t("goalDetails.opening"));

  return (
    <OverlayDrawer className={styles.drawer} open={isOpen} position="end" size="medium" onOpenChange={(_event, data) => !data.open && onClose()}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label={t("common.close")} icon={<DismissRegular />} onClick={onClose} />}>{title}</DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={styles.body}>
        {failure && <ErrorNotice title={failure.title} detail={failure.detail} onRetry={failure.canRetry ? goal.reload : undefined} />}
        {me.error && <ErrorNotice title={t("profile.loadFailed")} detail={describeError(me.error, tr)} onRetry={me.reload} />}
        {(goal.isLoading || (goal.data && !panel.relation && !me.error)) && <Spinner label={t("goalDetails.loading")} />}
        {goal.data && <GoalDetailsSummary goal={goal.data} ownerName={panel.relation === "own" ? t("goalDetails.yourGoal") : panel.ownerName} />}
        {goal.data && me.data && panel.relation && (
          <>
            <TabList className={styles.sections} selectedValue={panel.section} onTabSelect={(_event, data) => panel.selectSection(data.value as GoalSection)} aria-label={t("goalDetails.sections")}>
              {panel.sections.map((section) => (
                <Tab key={section.id} id={`goal-details-tab-${section.id}`} value={section.id}>
                  {t(`goalDetails.section.${section.id}`)}
                </Tab>
              ))}
            </TabList>
            <div className={styles.panel} role="tabpanel" aria-labelledby={`goal-details-tab-${panel.section}`}>
              <SectionContent section={panel.section} goal={goal.data} me={me.data} ownerName={panel.ownerName} known={panel.known} />
            </div>
          </>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}
