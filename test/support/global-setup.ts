/** Starts one Azurite for the whole test run; tests isolate themselves by tenant id. */
import type { TestProject } from "vitest/node";
import { startAzurite, type AzuriteHandle } from "../../functions/dev/azurite.js";
import { ensureTabBuilt } from "./tab-build.js";

declare module "vitest" {
  export interface ProvidedContext {
    azuriteConnectionString: string;
  }
}

let azurite: AzuriteHandle | undefined;

export async function setup(project: TestProject): Promise<void> {
  ensureTabBuilt();
  azurite = await startAzurite();
  project.provide("azuriteConnectionString", azurite.connectionString);
}

export async function teardown(): Promise<void> {
  await azurite?.stop();
}
