/** A new tenant with a manager and one report, stored in the Table Storage directory. */
import { randomUUID } from "node:crypto";
import { createTableDirectory } from "../../functions/src/store/directory-store.js";
import type { TableFactory } from "../../functions/src/store/tables.js";
import { buildPerson } from "./org-builder.js";

export async function storeManagerAndReport(factory: TableFactory) {
  const tenantId = randomUUID();
  const manager = buildPerson();
  const owner = buildPerson({ managerId: manager.id });
  const directory = createTableDirectory(factory);
  await directory.upsertPeople(tenantId, [manager, owner]);
  return { tenantId, manager, owner, directory };
}
