/** A small read cache shared by the data hooks: one request per key at a time, stale data stays
 * on screen while it refreshes, and a write can mark related keys stale. */
import { ApiError } from "./client.js";

export interface QueryEntry<T = unknown> {
  data: T | undefined;
  error: ApiError | null;
  isLoading: boolean;
  isStale: boolean;
}

const EMPTY_ENTRY: QueryEntry = { data: undefined, error: null, isLoading: false, isStale: true };

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError({ title: message, status: 0, code: "unexpected" });
}

export class QueryCache {
  private readonly entries = new Map<string, QueryEntry>();
  private readonly generations = new Map<string, number>();
  private readonly inflight = new Map<string, number>();
  private readonly listeners = new Set<() => void>();

  peek<T>(key: string): QueryEntry<T> {
    return (this.entries.get(key) ?? EMPTY_ENTRY) as QueryEntry<T>;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts a load unless fresh data or a current request already exists. */
  ensure<T>(key: string, fetcher: () => Promise<T>): void {
    const entry = this.entries.get(key);
    const generation = this.generations.get(key) ?? 0;
    if (entry && !entry.isStale) return;
    if (this.inflight.get(key) === generation) return;
    void this.load(key, fetcher);
  }

  async load<T>(key: string, fetcher: () => Promise<T>): Promise<void> {
    const generation = this.generations.get(key) ?? 0;
    this.inflight.set(key, generation);
    const previous = this.peek<T>(key);
    this.write(key, { ...previous, error: null, isLoading: true, isStale: false });
    try {
      const data = await fetcher();
      if (this.isCurrent(key, generation)) this.write(key, { data, error: null, isLoading: false, isStale: false });
    } catch (error) {
      if (this.isCurrent(key, generation)) this.write(key, { ...this.peek<T>(key), error: toApiError(error), isLoading: false });
    } finally {
      if (this.inflight.get(key) === generation) this.inflight.delete(key);
    }
  }

  set<T>(key: string, data: T): void {
    this.bump(key);
    this.write(key, { data, error: null, isLoading: false, isStale: false });
  }

  /** Marks matching keys stale; mounted hooks then refetch while still showing the old data. */
  invalidate(matches: (key: string) => boolean): void {
    for (const [key, entry] of this.entries) {
      if (!matches(key)) continue;
      this.bump(key);
      this.entries.set(key, { ...entry, isStale: true });
    }
    this.notify();
  }

  clear(): void {
    for (const key of this.entries.keys()) this.bump(key);
    this.entries.clear();
    this.notify();
  }

  private isCurrent(key: string, generation: number): boolean {
    return (this.generations.get(key) ?? 0) === generation;
  }

  private bump(key: string): void {
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
  }

  private write(key: string, entry: QueryEntry): void {
    this.entries.set(key, entry);
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
