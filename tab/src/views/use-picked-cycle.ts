/** Which cycle a page shows: the one the person picked, else the one its URL names (`?cycle=…`,
 * for the pages that take it), else the current one (see pickDefaultCycle). */
import { useState } from "react";
import { useCycles } from "../api/use-me.js";
import { pickCycle } from "../logic/cycles.js";

function readCycleParam(): string | null {
  return new URLSearchParams(window.location.search).get("cycle");
}

export function usePickedCycle(options: { fromUrl?: boolean } = {}) {
  const cycles = useCycles();
  const [pickedId, setPickedId] = useState<string | null>(options.fromUrl ? readCycleParam : null);
  const cycle = pickCycle(cycles.data ?? [], pickedId);
  return { cycles, cycle, selectCycle: setPickedId };
}
