/** Code and state that only some requests need are made on first use, so a cold start does not parse
 * them. A failed load is forgotten, so the next call tries again instead of failing for good. */
export interface LazyLoader<T> {
  /** The first call starts the load; later calls share it. */
  load(): Promise<T>;
  /** The load in progress or done, or null when none was started (or the last one failed). */
  peek(): Promise<T> | null;
}

export function createLazyLoader<T>(create: () => Promise<T>): LazyLoader<T> {
  let loading: Promise<T> | null = null;
  const load = (): Promise<T> =>
    (loading ??= create().catch((error: unknown) => {
      loading = null;
      throw error;
    }));
  return { load, peek: () => loading };
}

/**
 * Loads what later requests will need once an instance has given its first answer, in the next idle
 * moment, so the answer is not held up and the requests that follow (a tab asks for /api/me after its
 * page) find the code ready. The first call schedules it; a failed load is left for its first use to retry.
 */
export function createWarmUp(loads: ReadonlyArray<() => Promise<unknown>>, schedule: (run: () => void) => void = (run) => setTimeout(run, 0)): () => void {
  let isScheduled = false;
  return () => {
    if (isScheduled) return;
    isScheduled = true;
    schedule(() => void Promise.allSettled(loads.map((load) => load())));
  };
}
