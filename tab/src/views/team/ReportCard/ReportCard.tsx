/** A direct report in the Team view: their branch's figures, their goals, and a way into their team. */
import { Avatar, Badge, Button, Caption1, Card, CardHeader, Text, makeStyles, tokens, useFluent } from "@fluentui/react-components";
import { ArrowLeftRegular, ArrowRightRegular, PersonArrowRightRegular } from "@fluentui/react-icons";
import type { GoalInsight, OrgCascadeNode } from "../../../api/use-org-cascade.js";
import { BranchStats } from "../../organisation/BranchStats/BranchStats.js";
import { GoalLine } from "../../organisation/GoalLine/GoalLine.js";
import { GoalDetailsButton } from "../../../components/GoalDetailsButton/GoalDetailsButton.js";
import { useTranslator } from "../../../i18n/use-translator.js";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  goals: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
  footer: { display: "flex", justifyContent: "flex-end" },
});

export interface ReportCardProps {
  node: OrgCascadeNode;
  onOpenTeam: (node: OrgCascadeNode) => void;
  /** Check-ins, kudos, comments and history of one goal. */
  /** Present when the viewer can decide on goals of people who left. */
  onDecideLeaverGoal?: (goal: GoalInsight) => void;
}

export function ReportCard({ node, onOpenTeam, onDecideLeaverGoal }: ReportCardProps) {
  const styles = useStyles();
  const { person, goals, figures } = node;
  const { t } = useTranslator();
  const { dir } = useFluent();
  return (
    <Card className={styles.card} role="article" aria-label={person.displayName}>
      <CardHeader
        image={<Avatar name={person.displayName} color="colorful" />}
        header={<Text weight="semibold">{person.displayName}</Text>}
        description={<Caption1 className={styles.muted}>{person.jobTitle ?? t("people.noJobTitle")}</Caption1>}
        action={!person.isEnabled ? <Badge appearance="outline" color="warning">{t("team.hasLeft")}</Badge> : undefined}
      />
      <BranchStats name={person.displayName} figures={figures} />
      {goals.length === 0 ? (
        <Text className={styles.muted}>{t("team.noGoals")}</Text>
      ) : (
        <ul className={styles.goals} aria-label={t("team.personGoals", { name: person.displayName })}>
          {goals.map((goal) => (
            <li key={goal.id}>
              <GoalLine
                goal={goal}
                actions={
                  <>
                    <GoalDetailsButton goalId={goal.id} title={goal.title} />
                    {onDecideLeaverGoal && goal.flags.includes("owner_left") && (
                      <Button size="small" icon={<PersonArrowRightRegular />} onClick={() => onDecideLeaverGoal(goal)}>
                        {t("team.giveOrClose")}
                      </Button>
                    )}
                  </>
                }
              />
            </li>
          ))}
        </ul>
      )}
      {node.reportsCount > 0 && (
        <div className={styles.footer}>
          <Button appearance="subtle" icon={dir === "rtl" ? <ArrowLeftRegular /> : <ArrowRightRegular />} iconPosition="after" onClick={() => onOpenTeam(node)}>
            {t("team.openTeam", { name: person.displayName, count: node.reportsCount })}
          </Button>
        </div>
      )}
    </Card>
  );
}
