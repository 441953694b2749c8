/** The cascade over the org chart: every person with their goals and their branch's coverage,
 * progress and flags; expand and collapse, search by person or goal (in the levels shown, and below
 * them on the server), open a branch of its own. */
import { Button, SearchBox, Subtitle2, Text, makeStyles, tokens, useFluent } from "@fluentui/react-components";
import { ArrowLeftRegular, ArrowClockwiseRegular, ArrowRightRegular } from "@fluentui/react-icons";
import { CyclePicker } from "../../components/CyclePicker/CyclePicker.js";
import { ErrorNotice } from "../../components/ErrorNotice/ErrorNotice.js";
import { GoalListSkeleton } from "../../components/GoalListSkeleton/GoalListSkeleton.js";
import { InfoNotice } from "../../components/InfoNotice/InfoNotice.js";
import { PageHeader } from "../../components/PageHeader/PageHeader.js";
import { describeError } from "../../i18n/describe-error.js";
import { AttentionLists } from "./AttentionLists/AttentionLists.js";
import { CascadeSummary } from "./CascadeSummary/CascadeSummary.js";
import { FoundFurther } from "./FoundFurther/FoundFurther.js";
import { OrgTree } from "./OrgTree/OrgTree.js";
import { useOrganisationPage } from "./use-organisation-page.js";
import { useTranslator } from "../../i18n/use-translator.js";
import { useControlLabels } from "../../i18n/use-control-labels.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  muted: { color: tokens.colorNeutralForeground3 },
  search: { minWidth: "min(260px, 100%)", maxWidth: "100%" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export default function OrganisationView() {
  const styles = useStyles();
  const page = useOrganisationPage();
  const { cycles, cycle, cascade, tree, search } = page;
  const tr = useTranslator();
  const controls = useControlLabels();
  const { t } = tr;
  const { dir } = useFluent();

  if (cycles.error) return <ErrorNotice title={t("cycle.loadFailed")} detail={describeError(cycles.error, tr)} onRetry={cycles.reload} />;
  if (cycles.isLoading) return <GoalListSkeleton />;
  if (!cycle) return <InfoNotice text={t("cycle.noneYet")} />;
  const data = cascade.data;
  const root = tree.root;
  return (
    <div className={styles.root}>
      <PageHeader title={t("view.organisation")} subtitle={root ? t("org.subtitle", { cycle: cycle.name, name: root.person.displayName }) : cycle.name}>
        {page.canGoBack && (
          <Button icon={dir === "rtl" ? <ArrowRightRegular /> : <ArrowLeftRegular />} onClick={page.goBack}>
            {t("common.back")}
          </Button>
        )}
        <CyclePicker cycles={cycles.data ?? []} selected={cycle} onSelect={page.selectCycle} />
        <SearchBox {...controls.searchBox} className={styles.search} placeholder={t("org.search")} aria-label={t("org.search")} value={page.query} onChange={(_event, value) => page.setQuery(value.value)} />
        <Button appearance="subtle" icon={<ArrowClockwiseRegular />} aria-label={t("common.refresh")} onClick={cascade.reload} />
      </PageHeader>
      {cascade.error && <ErrorNotice title={t("org.loadFailed")} detail={describeError(cascade.error, tr)} onRetry={cascade.reload} />}
      {cascade.isLoading && <GoalListSkeleton />}
      {data && root && (
        <>
          <CascadeSummary figures={root.figures} elapsedShare={data.elapsedShare} label={t("org.figures")} />
          {!data.isManagerView && <Text className={styles.muted}>{t("org.limitedView")}</Text>}
          {search && <Text role="status">{t("org.matches", { count: search.count })}</Text>}
          {page.further && <FoundFurther found={page.further} onOpen={page.openFound} />}
          <OrgTree tree={tree} search={search} openItems={page.openItems} onOpenChange={page.setOpenItems} onOpenBranch={page.openBranch} />
          {data.isTruncated && <InfoNotice text={t("org.truncated")} />}
          <section className={styles.section} aria-label={t("org.attention")}>
            <Subtitle2 as="h2">{t("org.attention")}</Subtitle2>
            <AttentionLists cascade={data} />
          </section>
        </>
      )}
    </div>
  );
}
