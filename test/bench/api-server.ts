/** The API under load for the benchmark, in its own process so the load generator does not share its
 * event loop. Entra-mode token checks against the bench's issuer; prints its URL as one JSON line.
 * With BENCH_API_GC=1 it also tells, on stderr when it stops, how often and how long its garbage
 * collector paused it (a pause that lands on a request adds to that request's latency). */
import { constants, PerformanceObserver } from "node:perf_hooks";
import { loadConfig } from "../../functions/src/config.js";
import { createServices } from "../../functions/src/composition/services.js";
import { startLocalHost } from "../../functions/dev/local-host.js";
import { DEFAULT_TAB_DIR } from "../../functions/dev/start-cascade.js";

const pauses = { scavenges: 0, scavengeMs: 0, longestScavengeMs: 0, otherPauses: 0, otherMs: 0 };
if (process.env.BENCH_API_GC === "1") {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR) {
        pauses.scavenges++;
        pauses.scavengeMs += entry.duration;
        pauses.longestScavengeMs = Math.max(pauses.longestScavengeMs, entry.duration);
      } else {
        pauses.otherPauses++;
        pauses.otherMs += entry.duration;
      }
    }
  }).observe({ entryTypes: ["gc"] });
}

const services = await createServices(loadConfig(process.env), { tabDir: DEFAULT_TAB_DIR });
const host = await startLocalHost({ port: 0, services });
console.log(JSON.stringify({ url: host.url }));
process.on("SIGTERM", () => {
  if (process.env.BENCH_API_GC === "1") console.error(JSON.stringify({ bench: "api-gc", ...pauses, scavengeMs: Math.round(pauses.scavengeMs), otherMs: Math.round(pauses.otherMs), longestScavengeMs: Math.round(pauses.longestScavengeMs * 100) / 100 }));
  void host.close().then(() => process.exit(0));
});
