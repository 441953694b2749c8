import { inject, expect, test } from "vitest";
import { createTableFactory } from "../../functions/src/store/tables.js";

test("tables round-trip through Azurite", async () => {
  const factory = createTableFactory({ kind: "connectionString", connectionString: inject("azuriteConnectionString") });
  await factory.ensureTables(["smoke"]);
  const client = factory.getClient("smoke");
  await client.createEntity({ partitionKey: "t|a", rowKey: "1", value: "x" });
  const entity = await client.getEntity<{ value: string }>("t|a", "1");
  expect(entity.value).toBe("x");
});
