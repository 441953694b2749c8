import { readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { buildRouteTable, listAllApiRoutes } from "./routes.js";

const HTTP_DIR = new URL(".", import.meta.url);

/** Every `…Handlers` export of the route modules in this folder, as [module, route name]. */
async function listExportedHandlers(): Promise<Array<[string, string]>> {
  const modules = readdirSync(HTTP_DIR).filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"));
  const found: Array<[string, string]> = [];
  for (const file of modules) {
    const exports = (await import(new URL(file, HTTP_DIR).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (name.endsWith("Handlers") && typeof value === "object" && value !== null) found.push(...Object.keys(value).map((route): [string, string] => [file, route]));
    }
  }
  return found;
}

describe("the route table", () => {
  test("names every route once", () => {
    const names = buildRouteTable({ authMode: "dev" }).map((route) => route.name);
    expect(new Set(names).size).toBe(names.length);
  });

  test("serves every handler a route module exports", async () => {
    const served = new Set(buildRouteTable({ authMode: "dev" }).map((route) => route.name));
    const handlers = await listExportedHandlers();
    expect(handlers.length).toBeGreaterThan(40);
    expect(handlers.filter(([, route]) => !served.has(route))).toEqual([]);
  });

  test("leaves the development-only routes out of Entra mode", () => {
    const entraNames = buildRouteTable({ authMode: "entra" }).map((route) => route.name);
    const devOnly = listAllApiRoutes().filter((route) => route.isDevOnly).map((route) => route.name);
    expect(devOnly).toEqual(expect.arrayContaining(["dev-token", "dev-users", "dev-inbox", "dev-run-job"]));
    for (const name of devOnly) expect(entraNames).not.toContain(name);
  });
});
