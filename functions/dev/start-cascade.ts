/** Starts the whole product locally: Azurite, the handlers on the local host, the demo organisation. */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig, type Config } from "../src/config.js";
import { createServices, type Services } from "../src/composition/services.js";
import { startAzurite, type AzuriteHandle } from "./azurite.js";
import { startLocalHost } from "./local-host.js";

export const DEFAULT_TAB_DIR = fileURLToPath(new URL("../../tab/dist", import.meta.url));

export interface RunningCascade {
  url: string;
  port: number;
  config: Config;
  services: Services;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Environment to read configuration from; local defaults (dev sign-in, embedded Azurite) fill the gaps. */
  env: Record<string, string | undefined>;
  /** Overrides PORT; 0 picks a free port. */
  port?: number;
  isSeeded?: boolean;
}

export async function startCascade(options: StartOptions): Promise<RunningCascade> {
  const env: Record<string, string | undefined> = { AUTH_MODE: "dev", ...options.env };
  const usesEmbeddedStorage = !env.STORAGE_CONNECTION_STRING && !env.STORAGE_TABLE_ENDPOINT;
  const base = loadConfig(usesEmbeddedStorage ? { ...env, STORAGE_CONNECTION_STRING: "UseDevelopmentStorage=true" } : env);
  let azurite: AzuriteHandle | null = null;
  let config: Config = base;
  if (usesEmbeddedStorage) {
    azurite = await startAzurite(base.dataDir ? { dataDir: join(base.dataDir, "azurite") } : {});
    config = { ...base, storage: { kind: "connectionString", connectionString: azurite.connectionString } };
  }
  try {
    const services = await createServices(config, { tabDir: DEFAULT_TAB_DIR });
    // The demo organisation's data and seeding code load only when they are used.
    if (config.authMode === "dev" && options.isSeeded !== false) await (await import("./seed-demo.js")).seedDemo(services);
    const host = await startLocalHost({ port: options.port ?? config.port, services });
    return {
      url: host.url,
      port: host.port,
      config,
      services,
      async stop() {
        await host.close();
        await azurite?.stop();
      },
    };
  } catch (error) {
    await azurite?.stop();
    throw error;
  }
}
