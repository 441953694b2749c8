/** Fixed-rate (open-loop) load and latency percentiles, for HTTP routes and for any other call
 * (a raw Table Storage point read through the SDK). */

export interface LoadRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadFigures {
  requests: number;
  errors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

export function computePercentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, index)]! * 100) / 100;
}

function summarise(latencies: number[], errors: number): LoadFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { requests: latencies.length, errors, p50Ms: computePercentile(sorted, 0.5), p95Ms: computePercentile(sorted, 0.95), p99Ms: computePercentile(sorted, 0.99) };
}

/** Open-loop HTTP load: requests start on a fixed schedule whatever the latency, so slow answers
 * show up as latency instead of slowing the generator down (autocannon's rate limit sends each
 * second's quota in a burst at the start of the second, which measures bursts, not a steady rate). */
export function runHttpLoad(options: { url: string; rps: number; seconds: number; next: () => LoadRequest }): Promise<LoadFigures> {
  return runPacedLoad({
    rps: options.rps,
    seconds: options.seconds,
    call: async () => {
      const request = options.next();
      const response = await fetch(`${options.url}${request.path}`, { method: request.method, headers: request.headers, body: request.body, signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    },
  });
}

/** Starts `call` at a steady rate, whatever the latency, and measures each one. */
export async function runPacedLoad(options: { rps: number; seconds: number; call: (i: number) => Promise<unknown> }): Promise<LoadFigures> {
  const total = options.rps * options.seconds;
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const pending: Array<Promise<void>> = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / options.rps;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const sent = performance.now();
    pending.push(
      options.call(i).then(
        () => void latencies.push(performance.now() - sent),
        () => void errors++,
      ),
    );
  }
  await Promise.all(pending);
  return summarise(latencies, errors);
}
