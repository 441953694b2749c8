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
