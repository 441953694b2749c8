import { ESLint } from "eslint";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfigFile: ".config/eslint.config.js" });

/** The messages of the layer rule for `code` saved as `filePath`. */
async function layerErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("the layer rule in the lint configuration", { timeout: 60_000 }, () => {
  it("fails domain code that imports an SDK or an adapter", async () => {
    expect(await layerErrors('import { TableClient } from "@azure/data-tables";\nexport const t = TableClient;\n', "functions/src/domain/bad.ts")).toEqual([
      expect.stringContaining("The domain imports no SDK"),
    ]);
    expect(await layerErrors('import { jwtVerify } from "jose";\nexport const v = jwtVerify;\n', "functions/src/domain/bad.ts")).toHaveLength(1);
    expect(await layerErrors('import { createGoalStore } from "../store/goal-store.js";\nexport const s = createGoalStore;\n', "functions/src/domain/bad.ts")).toEqual([
      expect.stringContaining("The domain imports no adapter"),
    ]);
    expect(await layerErrors('import type { BotDeps } from "../bot/bot-deps.js";\nexport type B = BotDeps;\n', "functions/src/domain/bad.ts")).toHaveLength(1);
  });

  it("fails store code that imports the directory, the bot or HTTP", async () => {
    expect(await layerErrors('import { runGraphSync } from "../directory/graph-sync.js";\nexport const r = runGraphSync;\n', "functions/src/store/bad.ts")).toEqual([
      expect.stringContaining("The store implements domain ports"),
    ]);
    expect(await layerErrors('import { json } from "../http/pipeline.js";\nexport const j = json;\n', "functions/src/store/bad.ts")).toHaveLength(1);
  });

  it("lets each layer import what it may", async () => {
    expect(await layerErrors('import type { Goal } from "./types.js";\nexport type G = Goal;\n', "functions/src/domain/fine.ts")).toEqual([]);
    expect(await layerErrors('import { TableClient } from "@azure/data-tables";\nimport type { Goal } from "../domain/types.js";\nexport type G = [Goal, TableClient];\n', "functions/src/store/fine.ts")).toEqual([]);
    expect(await layerErrors('import { createGoalStore } from "../store/goal-store.js";\nexport const s = createGoalStore;\n', "functions/src/domain/fine.test.ts")).toEqual([]);
  });
});
