import type { CycleView } from "../api/types.js";
import type { Translator } from "../i18n/translator.js";

/** The current cycle, else the latest open one, else the latest of all. */
export function pickDefaultCycle(cycles: readonly CycleView[]): CycleView | null {
  const current = cycles.find((cycle) => cycle.isCurrent);
  if (current) return current;
  const byStartDesc = [...cycles].sort((a, b) => b.startDate.localeCompare(a.startDate));
  return byStartDesc.find((cycle) => cycle.status === "open") ?? byStartDesc[0] ?? null;
}

/** The cycle the person picked, while it is still in the list; otherwise the default one. */
export function pickCycle(cycles: readonly CycleView[], pickedId: string | null): CycleView | null {
  return cycles.find((cycle) => cycle.id === pickedId) ?? pickDefaultCycle(cycles);
}

export function describeCycleDates(cycle: Pick<CycleView, "startDate" | "endDate">, tr: Translator): string {
  return tr.t("cycle.dates", { start: tr.formatDay(cycle.startDate), end: tr.formatDay(cycle.endDate) });
}

export function describeCycleOption(cycle: CycleView, tr: Translator): string {
  if (cycle.isCurrent) return tr.t("cycle.current", { name: cycle.name });
  return cycle.status === "closed" ? tr.t("cycle.closed", { name: cycle.name }) : cycle.name;
}
