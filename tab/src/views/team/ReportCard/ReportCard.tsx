/** A direct report in the Team view: their branch's figures, their goals, and a way into their team. */
import { Avatar, Badge, Button, Caption1, Card, CardHeader, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowRightRegular, PersonArrowRightRegular } from "@fluentui/react-icons";
import type { GoalInsight, OrgCascadeNode } from "../../../api/use-org-cascade.js";
import { BranchStats } from "../../organisation/BranchStats/BranchStats.js";
import { GoalLine } from "../../organisation/GoalLine/GoalLine.js";
import { GoalDetailsButton } from "../../../components/GoalDetailsButton/GoalDetailsButton.js";

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
  return (
    <Card className={styles.card} role="article" aria-label={person.displayName}>
      <CardHeader
        image={<Avatar name={person.displayName} color="colorful" />}
        header={<Text weight="semibold">{person.displayName}</Text>}
        description={<Caption1 className={styles.muted}>{person.jobTitle ?? "No job title"}</Caption1>}
        action={!person.isEnabled ? <Badge appearance="outline" color="warning">Has left</Badge> : undefined}
      />
      <BranchStats name={person.displayName} figures={figures} />
      {goals.length === 0 ? (
        <Text className={styles.muted}>No goals in this cycle yet.</Text>
      ) : (
        <ul className={styles.goals} aria-label={`${person.displayName}'s goals`}>
          {goals.map((goal) => (
            <li key={goal.id}>
              <GoalLine
                goal={goal}
                actions={
                  <>
                    <GoalDetailsButton goalId={goal.id} title={goal.title} />
                    {onDecideLeaverGoal && goal.flags.includes("owner_left") && (
                      <Button size="small" icon={<PersonArrowRightRegular />} onClick={() => onDecideLeaverGoal(goal)}>
                        Give or close
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
          <Button appearance="subtle" icon={<ArrowRightRegular />} iconPosition="after" onClick={() => onOpenTeam(node)}>
            {`Open ${person.displayName}'s team (${node.reportsCount})`}
          </Button>
        </div>
      )}
    </Card>
  );
}
