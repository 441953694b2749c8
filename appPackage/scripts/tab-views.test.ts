import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";

const manifest = readFileSync(new URL("../manifest.template.json", import.meta.url), "utf8");
const registry = readFileSync(new URL("../../tab/src/views/view-registry.ts", import.meta.url), "utf8");

describe("the manifest's tabs open views the tab has", () => {
  test("every ?view= in the manifest is a registered view id", () => {
    const requested = [...manifest.matchAll(/\?view=([a-z-]+)/g)].map((m) => m[1]!);
    const registered = new Set([...registry.matchAll(/defineView\("([a-z-]+)"/g)].map((m) => m[1]!));
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((id) => !registered.has(id))).toEqual([]);
  });
});
