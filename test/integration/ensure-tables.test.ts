/** Table creation at start-up: tables are listed once, and only missing ones are created. */
import { randomUUID } from "node:crypto";
import { expect, inject, test } from "vitest";
import { createTableFactory } from "../../functions/src/store/tables.js";
import { listAllTables } from "../support/table-scan.js";

function connect() {
  return createTableFactory({ kind: "connectionString", connectionString: inject("azuriteConnectionString") });
}

/** Table names: letters and digits, starting with a letter, unique to this run. */
function makeTableName(label: string): string {
  return `ensure${label}${randomUUID().replace(/-/g, "").slice(0, 10)}`;
}

test("creates the missing tables, including ones asked for after the first listing", async () => {
  const [first, second, later] = [makeTableName("a"), makeTableName("b"), makeTableName("c")];
  const factory = connect();
  await factory.ensureTables([first, second, first]);
  await factory.ensureTables([second, later]);
  const names = await listAllTables(inject("azuriteConnectionString"));
  expect(names).toEqual(expect.arrayContaining([first, second, later]));
  await factory.getClient(later).createEntity({ partitionKey: "t|x", rowKey: "1" });
});

test("a new instance finds its tables already there, whatever their case, and uses them", async () => {
  const name = makeTableName("d");
  await connect().ensureTables([name]);
  const restarted = connect();
  await Promise.all([restarted.ensureTables([name.toUpperCase()]), restarted.ensureTables([name])]);
  await restarted.getClient(name).createEntity({ partitionKey: "t|x", rowKey: "1", value: "kept" });
  const entity = await restarted.getClient(name).getEntity<{ value: string }>("t|x", "1");
  expect(entity.value).toBe("kept");
  const names = await listAllTables(inject("azuriteConnectionString"));
  expect(names.filter((table) => table.toLowerCase() === name.toLowerCase())).toHaveLength(1);
});
