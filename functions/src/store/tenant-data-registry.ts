/** Every store that holds tenant data. Export and erasure go through this list, and a test checks
 * that every table in storage is claimed here, exported or declared derived. Add new stores here. */
import { createActivityData } from "./activity-data.js";
import { createGoalData } from "./goal-data.js";
import { createImportIdsData } from "./import-ids.js";
import { createPeopleData } from "./people-data.js";
import { createSettingsData } from "./settings-data.js";
import type { TableFactory } from "./tables.js";
import type { ExportSource, TenantDataStore } from "./tenant-data.js";

export function createTenantDataRegistry(factory: TableFactory): TenantDataStore[] {
  return [createPeopleData(factory), createSettingsData(factory), createGoalData(factory), createActivityData(factory), createImportIdsData()];
}

export function listClaimedTables(stores: readonly TenantDataStore[]): string[] {
  return stores.flatMap((store) => store.tables);
}

export function listExportSources(stores: readonly TenantDataStore[]): ExportSource[] {
  return stores.flatMap((store) => store.exports);
}
