/** The org chart as an expandable tree: each person with their branch's figures, their goals, then
 * their reports. Parts cut off by the answer's size open as their own view. */
import { Avatar, Badge, Button, Caption1, Text, Tree, TreeItem, TreeItemLayout, makeStyles, tokens, useFluent, type TreeOpenChangeData, type TreeOpenChangeEvent } from "@fluentui/react-components";
import { ArrowLeftRegular, ArrowRightRegular } from "@fluentui/react-icons";
import { BranchStats } from "../BranchStats/BranchStats.js";
import { GoalLine } from "../GoalLine/GoalLine.js";
import type { CascadeTree, SearchResult } from "../org-tree.js";
import { GoalDetailsButton } from "../../../components/GoalDetailsButton/GoalDetailsButton.js";
import { SpokenOnly } from "../../../components/SpokenOnly/SpokenOnly.js";
import { useTranslator } from "../../../i18n/use-translator.js";

const useStyles = makeStyles({
  person: { display: "flex", alignItems: "baseline", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  goal: { paddingBlock: tokens.spacingVerticalXS },
  // When the line is too narrow for the name and the branch's figures (a phone, a narrow side
  // panel), the figures move under the name instead of running off the edge.
  layout: { flexWrap: "wrap", rowGap: tokens.spacingVerticalXXS },
  main: { flex: "1 1 10rem", minWidth: 0, overflowWrap: "anywhere" },
  aside: { flexWrap: "wrap", minWidth: 0, maxWidth: "100%" },
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
  const { t } = useTranslator();
  const { dir } = useFluent();
  const node = tree.byId.get(personId);
  if (!node || (search && !search.visible.has(personId))) return null;
  const { person, goals, figures } = node;
  const reports = tree.childrenOf.get(personId) ?? [];
  const hidden = node.reportsCount - reports.length;
  const isBranch = goals.length > 0 || reports.length > 0 || hidden > 0;
  return (
    // Named by its content (not aria-label), so the name holds every word shown in the item (WCAG 2.5.3
    // label in name); the nested group of goals and reports is not part of a tree item's name.
    <TreeItem itemType={isBranch ? "branch" : "leaf"} value={personId}>
      <TreeItemLayout
        className={styles.layout}
        main={{ className: styles.main }}
        iconBefore={<Avatar name={person.displayName} size={24} color="colorful" aria-hidden />}
        aside={{ className: styles.aside, children: <BranchStats name={person.displayName} figures={figures} /> }}
      >
        <span className={styles.person}>
          <SpokenOnly>{person.jobTitle ? t("orgTree.person", { name: person.displayName, job: person.jobTitle }) : person.displayName}</SpokenOnly>
          <Text weight="semibold" aria-hidden>
            {person.displayName}
          </Text>
          {person.jobTitle && (
            <Caption1 className={styles.muted} aria-hidden>
              {person.jobTitle}
            </Caption1>
          )}
          {!person.isEnabled && <Badge appearance="outline" color="warning">{t("team.hasLeft")}</Badge>}
        </span>
      </TreeItemLayout>
      {isBranch && (
        <Tree>
          {goals.map((goal) => (
            <TreeItem key={goal.id} itemType="leaf" value={`goal:${goal.id}`}>
              <TreeItemLayout className={styles.goal}>
                <SpokenOnly>{t("orgTree.goal", { title: goal.title })}</SpokenOnly>
                <GoalLine
                  goal={goal}
                  isTitleAnnounced={false}
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
            <TreeItem itemType="leaf" value={`more:${personId}`} aria-label={t("orgTree.showReports", { name: person.displayName, count: hidden })}>
              <TreeItemLayout>
                <Button appearance="transparent" icon={dir === "rtl" ? <ArrowLeftRegular /> : <ArrowRightRegular />} iconPosition="after" onClick={() => onOpenBranch(personId)}>
                  {t("orgTree.showReports", { name: person.displayName, count: hidden })}
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
  const { t } = useTranslator();
  if (!tree.root) return null;
  const handleOpenChange = (_event: TreeOpenChangeEvent, data: TreeOpenChangeData) => {
    onOpenChange(new Set([...data.openItems].map(String)));
  };
  return (
    <Tree aria-label={t("orgTree.label")} openItems={openItems} onOpenChange={handleOpenChange}>
      <PersonItem personId={tree.root.person.id} tree={tree} search={search} onOpenBranch={onOpenBranch} />
    </Tree>
  );
}
