/** Everything the Organisation view decides: which cycle, whose part of the organisation (the top of
 * the caller's chain first, then any branch opened from the tree), what is open and what is searched. */
import { useDeferredValue, useEffect, useMemo, useState } from "react";
import { useOrgCascade } from "../../api/use-org-cascade.js";
import { useOrgSearch, type OrgSearchGoal, type OrgSearchPerson } from "../../api/use-org-search.js";
import { usePickedCycle } from "../use-picked-cycle.js";
import { indexCascade, searchCascade, type CascadeTree } from "./org-tree.js";

const EMPTY_TREE: CascadeTree = { root: undefined, byId: new Map(), childrenOf: new Map() };
/** How long typing pauses before the organisation below the levels shown is searched. */
const SEARCH_PAUSE_MS = 300;

/** What the search of the whole organisation found that the levels shown do not hold. */
export interface FoundFurther {
  people: OrgSearchPerson[];
  goals: OrgSearchGoal[];
  hasMorePeople: boolean;
  /** Asks for the next teams' goals; null when every team was searched. */
  searchFurther: (() => void) | null;
  isSearching: boolean;
}

export function useOrganisationPage() {
  const { cycles, cycle, selectCycle } = usePickedCycle({ fromUrl: true });
  const [roots, setRoots] = useState<string[]>(["top"]);
  const rootId = roots[roots.length - 1]!;
  const cascade = useOrgCascade(rootId, cycle?.id ?? null, "all");
  const tree = useMemo(() => (cascade.data ? indexCascade(cascade.data) : EMPTY_TREE), [cascade.data]);
  const [query, setQuery] = useState("");
  const deferredQuery = useDeferredValue(query);
  const search = useMemo(() => searchCascade(tree, deferredQuery), [tree, deferredQuery]);
  const rootPersonId = tree.root?.person.id ?? "";
  // Levels the answer cut off are searched on the server once typing pauses.
  const [settledQuery, setSettledQuery] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setSettledQuery(query.trim()), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query]);
  const searchContext = `${rootPersonId}|${settledQuery}`;
  const [page, setPage] = useState<{ context: string; continuation: string } | null>(null);
  const continuation = page?.context === searchContext ? page.continuation : null;
  const isCut = cascade.data?.isTruncated === true;
  const remote = useOrgSearch(isCut && rootPersonId ? rootPersonId : null, cycle?.id ?? null, query.trim() === settledQuery ? settledQuery : "", continuation);
  const further = useMemo((): FoundFurther | null => {
    if (!isCut || settledQuery.length === 0) return null;
    const found = remote.data;
    const isShown = (goalId: string, ownerId: string) => tree.byId.get(ownerId)?.goals.some((g) => g.id === goalId) ?? false;
    const next = found?.continuation ?? null;
    return {
      people: (found?.people ?? []).filter((p) => !tree.byId.has(p.person.id)),
      goals: (found?.goals ?? []).filter((g) => !isShown(g.id, g.ownerId)),
      hasMorePeople: found?.hasMorePeople ?? false,
      searchFurther: next ? () => setPage({ context: searchContext, continuation: next }) : null,
      isSearching: remote.isLoading || remote.isRefreshing,
    };
  }, [isCut, settledQuery, remote.data, remote.isLoading, remote.isRefreshing, tree, searchContext]);
  // What is open belongs to one tree and one search: a new root or a new search starts from its own default.
  const context = `${rootPersonId}|${deferredQuery}`;
  const [chosenOpen, setChosenOpen] = useState<{ context: string; items: Set<string> } | null>(null);
  const openItems = chosenOpen?.context === context ? chosenOpen.items : (search?.expanded ?? new Set(rootPersonId ? [rootPersonId] : []));

  return {
    cycles,
    cycle,
    cascade,
    tree,
    query,
    search,
    further,
    openItems,
    canGoBack: roots.length > 1,
    selectCycle,
    setQuery,
    setOpenItems: (items: Set<string>) => setChosenOpen({ context, items }),
    openBranch: (personId: string) => setRoots((current) => [...current, personId]),
    /** Opens the branch a match of the whole organisation is in: their manager's, as its own answer. */
    openFound: (path: ReadonlyArray<{ id: string }>) => {
      const managerId = path.at(-1)?.id;
      if (managerId) setRoots((current) => [...current, managerId]);
    },
    goBack: () => setRoots((current) => (current.length > 1 ? current.slice(0, -1) : current)),
  };
}
