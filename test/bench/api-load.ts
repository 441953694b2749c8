/** Fixed-rate load and latency percentiles: autocannon against HTTP routes, and a paced loop for
 * calls that are not plain HTTP requests (a raw Table Storage point read through the SDK). */
import autocannon from "autocannon";

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

export function runHttpLoad(options: { url: string; rps: number; seconds: number; connections: number; next: () => LoadRequest }): Promise<LoadFigures> {
  const latencies: number[] = [];
  let failed = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        overallRate: options.rps,
        timeout: 10,
        requests: [{ setupRequest: (request) => ({ ...request, ...options.next() }) }],
      },
      (error, result) => {
        if (error) return reject(error);
        resolve(summarise(latencies, failed + result.errors + result.timeouts));
      },
    );
    instance.on("response", (_client, statusCode, _bytes, responseTimeMs) => {
      latencies.push(responseTimeMs);
      if (statusCode >= 400) failed++;
    });
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
