/** Reads storage directly, bypassing the app: every table, and a tenant's rows in each. */
import { TableClient, TableServiceClient } from "@azure/data-tables";
import { collectText, tenantFilter } from "../../functions/src/store/tenant-data.js";

export interface RawRow {
  table: string;
  entity: Record<string, unknown>;
}

export async function listAllTables(connectionString: string): Promise<string[]> {
  const service = TableServiceClient.fromConnectionString(connectionString, { allowInsecureConnection: true });
  const names: string[] = [];
  for await (const table of service.listTables()) names.push(table.name!);
  return names.sort();
}

export async function readTenantRows(connectionString: string, tenantIds: string[]): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for (const table of await listAllTables(connectionString)) {
    const client = TableClient.fromConnectionString(connectionString, table, { allowInsecureConnection: true });
    for (const tenantId of tenantIds) {
      for await (const entity of client.listEntities<Record<string, unknown>>({ queryOptions: { filter: tenantFilter(tenantId) } })) rows.push({ table, entity });
    }
  }
  return rows;
}

/** Rows whose keys or values contain the text anywhere, including across sliced properties. */
export function findRowsContaining(rows: RawRow[], text: string): RawRow[] {
  return rows.filter(({ entity }) => collectText(entity).some((value) => value.includes(text)));
}
