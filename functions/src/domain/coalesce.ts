/** Recomputations of one row that overlap share their work. A row near the top of an org or an
 * alignment tree is recomputed by every change below it; many changes at once would otherwise each read
 * the row and its inputs and race for its ETag, most of them losing and starting again. Here a
 * recomputation asked for while one of the same row is under way waits for it, and then one more runs
 * for everyone who asked meanwhile, reading inputs that hold all their changes: any number of overlapping
 * asks cost at most two runs. Across instances the ETag still decides. */
export type Coalesce = <T>(key: string, run: () => Promise<T>) => Promise<T>;

interface Slot {
  running: Promise<unknown>;
  queued: Promise<unknown> | null;
}

export function createCoalescer(): Coalesce & { readonly size: number } {
  const slots = new Map<string, Slot>();

  function start<T>(key: string, slot: Slot | null, run: () => Promise<T>): Promise<T> {
    const running = run();
    const current = slot ?? { running, queued: null };
    current.running = running;
    slots.set(key, current);
    const settle = () => {
      if (current.running === running && current.queued === null) slots.delete(key);
    };
    running.then(settle, settle);
    return running;
  }

  const coalesce = <T>(key: string, run: () => Promise<T>): Promise<T> => {
    const slot = slots.get(key);
    if (!slot) return start(key, null, run);
    if (slot.queued) return slot.queued as Promise<T>;
    const queued = slot.running.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      slot.queued = null;
      return start(key, slot, run);
    });
    slot.queued = queued;
    return queued;
  };
  return Object.defineProperty(coalesce, "size", { get: () => slots.size }) as Coalesce & { readonly size: number };
}
