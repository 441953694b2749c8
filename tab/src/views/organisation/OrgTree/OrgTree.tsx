/** The org chart as an expandable tree: each person with their branch's figures, their goals, then
 * their reports. Parts cut off by the answer's size open as their own view. */
import { Avatar, Badge, Button, Caption1, Text, Tree, TreeItem, TreeItemLayout, makeStyles, tokens, type TreeOpenChangeData, type TreeOpenChangeEvent } from "@fluentui/react-components";
import { ArrowRightRegular } from "@fluentui/react-icons";
import { BranchStats } from "../BranchStats/BranchStats.js";
import { GoalLine } from "../GoalLine/GoalLine.js";
import type { CascadeTree, SearchResult } from "../org-tree.js";
import { GoalDetailsButton } from "../../../components/GoalDetailsButton/GoalDetailsButton.js";

const useStyles = makeStyles({
  person: { display: "flex", alignItems: "baseline", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  goal: { paddingBlock: tokens.spacingVerticalXS },
});

export interface OrgTreeProps {
  tree: CascadeTree;
  search: SearchResult | null;
  openItems: ReadonlySet<string>;
  onOpenChange: (openItems: Set<string>) => void;
  /** Shows the branch below this person as a view of its own. */
  onOpenBranch: (personId: string) => void;
  /** Check-ins, kudos, comments and history of one goal. */
}

interface PersonItemProps extends Omit<OrgTreeProps, "openItems" | "onOpenChange"> {
  personId: string;
}

function PersonItem({ personId, tree, search, onOpenBranch }: PersonItemProps) {
  const styles = useStyles();
  const node = tree.byId.get(personId);
  if (!node || (search && !search.visible.has(personId))) return null;
  const { person, goals, figures } = node;
  const reports = tree.childrenOf.get(personId) ?? [];
  const hidden = node.reportsCount - reports.length;
  const isBranch = goals.length > 0 || reports.length > 0 || hidden > 0;
  return (
    <TreeItem itemType={isBranch ? "branch" : "leaf"} value={personId} aria-label={`${person.displayName}${person.jobTitle ? `, ${person.jobTitle}` : ""}`}>
      <TreeItemLayout iconBefore={<Avatar name={person.displayName} size={24} color="colorful" />} aside={<BranchStats name={person.displayName} figures={figures} />}>
        <span className={styles.person}>
          <Text weight="semibold">{person.displayName}</Text>
          {person.jobTitle && <Caption1 className={styles.muted}>{person.jobTitle}</Caption1>}
          {!person.isEnabled && <Badge appearance="outline" color="warning">Has left</Badge>}
        </span>
      </TreeItemLayout>
      {isBranch && (
        <Tree>
          {goals.map((goal) => (
            <TreeItem key={goal.id} itemType="leaf" value={`goal:${goal.id}`} aria-label={`Goal: ${goal.title}`}>
              <TreeItemLayout className={styles.goal}>
                <GoalLine
                  goal={goal}
                  isHighlighted={search?.goalIds.has(goal.id) ?? false}
                  actions={
                    <GoalDetailsButton goalId={goal.id} title={goal.title} />
                  }
                />
              </TreeItemLayout>
            </TreeItem>
          ))}
          {reports.map((reportId) => (
            <PersonItem key={reportId} personId={reportId} tree={tree} search={search} onOpenBranch={onOpenBranch} />
          ))}
          {hidden > 0 && (
            <TreeItem itemType="leaf" value={`more:${personId}`} aria-label={`Show ${person.displayName}'s ${hidden} reports`}>
              <TreeItemLayout>
                <Button appearance="transparent" icon={<ArrowRightRegular />} iconPosition="after" onClick={() => onOpenBranch(personId)}>
                  {`Show ${person.displayName}'s ${hidden} ${hidden === 1 ? "report" : "reports"}`}
                </Button>
              </TreeItemLayout>
            </TreeItem>
          )}
        </Tree>
      )}
    </TreeItem>
  );
}

export function OrgTree({ tree, search, openItems, onOpenChange, onOpenBranch }: OrgTreeProps) {
  if (!tree.root) return null;
  const handleOpenChange = (_event: TreeOpenChangeEvent, data: TreeOpenChangeData) => {
    onOpenChange(new Set([...data.openItems].map(String)));
  };
  return (
    <Tree aria-label="Organisation chart with goals" openItems={openItems} onOpenChange={handleOpenChange}>
      <PersonItem personId={tree.root.person.id} tree={tree} search={search} onOpenBranch={onOpenBranch} />
    </Tree>
  );
}
