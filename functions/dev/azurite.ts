/** Starts Azurite's Table service as a child process on a free loopback port. */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { findFreePort } from "./free-port.js";
import { stopChild } from "./stop-child.js";

const ACCOUNT = "devstoreaccount1";
/** Azurite's published development key; it only ever opens the local emulator. */
const DEV_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

export interface AzuriteHandle {
  port: number;
  /** The emulator's process, for tests that pause or kill storage. */
  pid: number;
  connectionString: string;
  stop(): Promise<void>;
}

export interface AzuriteOptions {
  /** Keep data on disk here; in memory when absent. */
  dataDir?: string;
}

function resolveAzuriteTableBin(): string {
  const require = createRequire(import.meta.url);
  return require.resolve("azurite/dist/src/table/main.js");
}

function waitForStart(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("successfully started")) {
        child.stdout?.off("data", onData);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`Azurite exited with code ${code}: ${output.trim()}`)));
  });
}

async function startOnce(options: AzuriteOptions): Promise<AzuriteHandle> {
  const port = await findFreePort();
  const args = ["--tableHost", "127.0.0.1", "--tablePort", String(port), "--disableTelemetry", "--skipApiVersionCheck", "--silent"];
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    args.push("--location", options.dataDir);
  } else {
    args.push("--inMemoryPersistence");
  }
  const child = spawn(process.execPath, [resolveAzuriteTableBin(), ...args], { stdio: ["ignore", "pipe", "pipe"] });
  await waitForStart(child);
  child.stdout?.resume();
  child.stderr?.resume();
  const connectionString = `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${DEV_KEY};TableEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`;
  return { port, pid: child.pid!, connectionString, stop: () => stopChild(child, "SIGINT") };
}


export async function startAzurite(options: AzuriteOptions = {}): Promise<AzuriteHandle> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await startOnce(options);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
