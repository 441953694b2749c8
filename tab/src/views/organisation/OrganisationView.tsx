/** The cascade over the org chart: every person with their goals and their branch's coverage,
 * progress and flags; expand and collapse, search by person or goal, open a branch of its own. */
import { Button, SearchBox, Subtitle2, Text, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowLeftRegular, ArrowClockwiseRegular } from "@fluentui/react-icons";
import { CyclePicker } from "../../components/CyclePicker/CyclePicker.js";
import { ErrorNotice } from "../../components/ErrorNotice/ErrorNotice.js";
import { GoalListSkeleton } from "../../components/GoalListSkeleton/GoalListSkeleton.js";
import { InfoNotice } from "../../components/InfoNotice/InfoNotice.js";
import { AttentionLists } from "./AttentionLists/AttentionLists.js";
import { CascadeSummary } from "./CascadeSummary/CascadeSummary.js";
import { OrgTree } from "./OrgTree/OrgTree.js";
import { useOrganisationPage } from "./use-organisation-page.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  header: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalL },
  heading: { display: "flex", flexDirection: "column", flexGrow: 1, gap: tokens.spacingVerticalXXS },
  title: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  search: { minWidth: "260px" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export default function OrganisationView() {
  const styles = useStyles();
  const page = useOrganisationPage();
  const { cycles, cycle, cascade, tree, search } = page;

  if (cycles.error) return <ErrorNotice title="The cycles could not be loaded" detail={cycles.error.message} onRetry={cycles.reload} />;
  if (cycles.isLoading) return <GoalListSkeleton />;
  if (!cycle) return <InfoNotice text="There is no goal cycle yet. Ask your admin to set one up." />;
  const data = cascade.data;
  const root = tree.root;
  return (
    <div className={styles.root}>
      <div className={styles.header}>
        <div className={styles.heading}>
          <Title2 as="h1" className={styles.title}>
            Organisation
          </Title2>
          <Text className={styles.muted}>{root ? `${cycle.name} · ${root.person.displayName}'s organisation` : cycle.name}</Text>
        </div>
        {page.canGoBack && (
          <Button icon={<ArrowLeftRegular />} onClick={page.goBack}>
            Back
          </Button>
        )}
        <CyclePicker cycles={cycles.data ?? []} selected={cycle} onSelect={page.selectCycle} />
        <SearchBox className={styles.search} placeholder="Find a person or a goal" aria-label="Find a person or a goal" value={page.query} onChange={(_event, value) => page.setQuery(value.value)} />
        <Button appearance="subtle" icon={<ArrowClockwiseRegular />} aria-label="Refresh" onClick={cascade.reload} />
      </div>
      {cascade.error && <ErrorNotice title="The organisation could not be loaded" detail={cascade.error.message} onRetry={cascade.reload} />}
      {cascade.isLoading && <GoalListSkeleton />}
      {data && root && (
        <>
          <CascadeSummary figures={root.figures} elapsedShare={data.elapsedShare} label="Organisation figures" />
          {!data.isManagerView && <Text className={styles.muted}>You see public goals, and everything in your own team. Figures count what you can see.</Text>}
          {search && <Text role="status">{search.count === 0 ? "Nothing matches your search." : `${search.count} ${search.count === 1 ? "match" : "matches"}`}</Text>}
          <OrgTree tree={tree} search={search} openItems={page.openItems} onOpenChange={page.setOpenItems} onOpenBranch={page.openBranch} />
          {data.isTruncated && <InfoNotice text="This organisation is large: deeper levels open from the person above them." />}
          <section className={styles.section} aria-label="Needs attention">
            <Subtitle2 as="h2">Needs attention</Subtitle2>
            <AttentionLists cascade={data} />
          </section>
        </>
      )}
    </div>
  );
}
