/** Fixed-rate (open-loop) load and latency percentiles, for HTTP routes and for any other call
 * (a raw Table Storage point read through the SDK). */
import { Agent, request as httpRequest } from "node:http";

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

/** What the load keeps of an answer: its status, and the ETag of the version it returned. */
export interface Answer {
  status: number;
  etag: string | null;
}

/** Sends one request over a kept-alive connection and reads the whole answer. node:http rather than
 * fetch: the load generator shares the machine with what it measures, and undici's fetch spends about a
 * millisecond of its own on each request (streams, Headers), which would be counted as the API's. */
function send(agent: Agent, base: URL, request: LoadRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ agent, host: base.hostname, port: base.port, method: request.method, path: request.path, headers: request.headers, timeout: 10_000 }, (response) => {
      response.on("data", () => undefined);
      response.once("end", () => resolve({ status: response.statusCode ?? 0, etag: typeof response.headers.etag === "string" ? response.headers.etag : null }));
      response.once("error", reject);
    });
    outgoing.once("timeout", () => outgoing.destroy(new Error("Timed out after 10 s")));
    outgoing.once("error", reject);
    outgoing.end(request.body);
  });
}

/** Open-loop HTTP load: requests start on a fixed schedule whatever the latency, so slow answers
 * show up as latency instead of slowing the generator down (autocannon's rate limit sends each
 * second's quota in a burst at the start of the second, which measures bursts, not a steady rate). */
export async function runHttpLoad(options: { url: string; rps: number; seconds: number; next: () => LoadRequest; onAnswer?: (request: LoadRequest, answer: Answer) => void }): Promise<LoadFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const base = new URL(options.url);
  try {
    return await runPacedLoad({
      rps: options.rps,
      seconds: options.seconds,
      call: async () => {
        const request = options.next();
        const answer = await send(agent, base, request);
        options.onAnswer?.(request, answer);
        if (answer.status < 200 || answer.status >= 300) throw new Error(`HTTP ${answer.status}`);
      },
    });
  } finally {
    agent.destroy();
  }
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
