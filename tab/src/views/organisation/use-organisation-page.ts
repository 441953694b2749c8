/** Everything the Organisation view decides: which cycle, whose part of the organisation (the top of
 * the caller's chain first, then any branch opened from the tree), what is open and what is searched. */
import { useDeferredValue, useMemo, useState } from "react";
import { useOrgCascade } from "../../api/use-org-cascade.js";
import { usePickedCycle } from "../use-picked-cycle.js";
import { indexCascade, searchCascade, type CascadeTree } from "./org-tree.js";

const EMPTY_TREE: CascadeTree = { root: undefined, byId: new Map(), childrenOf: new Map() };

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
    openItems,
    canGoBack: roots.length > 1,
    selectCycle,
    setQuery,
    setOpenItems: (items: Set<string>) => setChosenOpen({ context, items }),
    openBranch: (personId: string) => setRoots((current) => [...current, personId]),
    goBack: () => setRoots((current) => (current.length > 1 ? current.slice(0, -1) : current)),
  };
}
