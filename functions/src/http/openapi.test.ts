import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { listAllApiRoutes } from "./routes.js";

const doc = JSON.parse(readFileSync(new URL("../../openapi.json", import.meta.url), "utf8")) as {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
};

const METHODS = ["get", "post", "put", "patch", "delete", "head"];
const toPath = (route: string) => `/${route}`;

describe("the OpenAPI document keeps in step with the route table", () => {
  test("is OpenAPI 3.1", () => {
    expect(doc.openapi).toBe("3.1.0");
  });

  test("every API route and method is documented", () => {
    const missing = listAllApiRoutes().flatMap((route) =>
      route.methods.filter((m) => doc.paths[toPath(route.route)]?.[m.toLowerCase()] === undefined).map((m) => `${m} ${toPath(route.route)}`),
    );
    expect(missing).toEqual([]);
  });

  test("every documented operation exists in the route table", () => {
    const routes = listAllApiRoutes();
    const extra = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => METHODS.includes(key))
        .filter((method) => !routes.some((r) => toPath(r.route) === path && r.methods.map((m) => m.toLowerCase()).includes(method)))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(extra).toEqual([]);
  });
});
