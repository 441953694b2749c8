import type { CycleView } from "../api/types.js";
import { formatDay } from "./format.js";

/** The current cycle, else the latest open one, else the latest of all. */
export function pickDefaultCycle(cycles: readonly CycleView[]): CycleView | null {
  const current = cycles.find((cycle) => cycle.isCurrent);
  if (current) return current;
  const byStartDesc = [...cycles].sort((a, b) => b.startDate.localeCompare(a.startDate));
  return byStartDesc.find((cycle) => cycle.status === "open") ?? byStartDesc[0] ?? null;
}

export function describeCycleDates(cycle: Pick<CycleView, "startDate" | "endDate">): string {
  return `${formatDay(cycle.startDate)} – ${formatDay(cycle.endDate)}`;
}

export function describeCycleOption(cycle: CycleView): string {
  const suffix = cycle.isCurrent ? " (current)" : cycle.status === "closed" ? " (closed)" : "";
  return `${cycle.name}${suffix}`;
}
