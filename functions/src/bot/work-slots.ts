/** At most `limit` pieces of background work at once; the rest wait their turn, first come first
 * served. A finished piece hands its slot straight to the next, so the limit is never exceeded. */
export interface WorkSlots {
  run<T>(work: () => Promise<T>): Promise<T>;
}

export function createWorkSlots(limit: number): WorkSlots {
  let active = 0;
  const waiting: Array<() => void> = [];
  const acquire = async () => {
    if (active < limit) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return {
    async run(work) {
      await acquire();
      try {
        return await work();
      } finally {
        release();
      }
    },
  };
}
