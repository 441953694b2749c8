/** The Node.js arguments the deployment gives the Functions worker (`languageWorkers__node__arguments`
 * in infra/main.bicep, sized from infra/worker-memory.json) on an instance of main.bicep's default
 * memory. The benchmarks that measure a job's memory run it under the same arguments. */
import { readFileSync } from "node:fs";

interface WorkerMemory {
  heapPercentOfInstanceMemory: number;
  heapGrowingPercent: number;
}

const readWorkerMemory = (): WorkerMemory => JSON.parse(readFileSync(new URL("../../infra/worker-memory.json", import.meta.url), "utf8")) as WorkerMemory;

/** The heap cap, in MB, on an instance of main.bicep's default size. */
export function deployedHeapMb(): number {
  const instanceMemoryMb = Number(/param instanceMemoryMB int = (\d+)/.exec(readFileSync(new URL("../../infra/main.bicep", import.meta.url), "utf8"))?.[1]);
  if (!(instanceMemoryMb > 0)) throw new Error("infra/main.bicep no longer gives instanceMemoryMB a default.");
  return Math.floor((instanceMemoryMb * readWorkerMemory().heapPercentOfInstanceMemory) / 100);
}

/** The worker's Node.js arguments; `heapMb` replaces the deployed heap cap. */
export function deployedNodeArguments(heapMb = deployedHeapMb()): string[] {
  return [`--max-old-space-size=${heapMb}`, `--heap-growing-percent=${readWorkerMemory().heapGrowingPercent}`];
}
