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
    expect(await layerErrors('import type { BotDeps } from "../bot/bot-ports.js";\nexport type B = BotDeps;\n', "functions/src/domain/bad.ts")).toHaveLength(1);
  });

  it("fails store code that imports the directory, the bot or HTTP", async () => {
    expect(await layerErrors('import { runGraphSync } from "../directory/graph-sync.js";\nexport const r = runGraphSync;\n', "functions/src/store/bad.ts")).toEqual([
      expect.stringContaining("The store implements domain ports"),
    ]);
    expect(await layerErrors('import { json } from "../http/pipeline.js";\nexport const j = json;\n', "functions/src/store/bad.ts")).toHaveLength(1);
  });

  it("fails tab code that imports backend code outside the contract, and contract code that imports anything but zod", async () => {
    expect(await layerErrors('import { checkSmart } from "../../../functions/src/domain/goal-service.js";\nexport const c = checkSmart;\n', "tab/src/logic/bad.ts")).toEqual([
      expect.stringContaining("The tab imports from functions/ only the API contract"),
    ]);
    expect(await layerErrors('import { AppError } from "../domain/errors.js";\nexport const e = AppError;\n', "functions/src/contracts/bad.ts")).toEqual([
      expect.stringContaining("The contract imports only zod"),
    ]);
  });

  it("lets the tab import the contract and the cards, and the contract import zod and itself", async () => {
    expect(await layerErrors('import { checkSmart } from "../../../functions/src/contracts/smart.js";\nimport type { AdaptiveCard } from "../../../cards/src/card-json.js";\nexport type C = [typeof checkSmart, AdaptiveCard];\n', "tab/src/logic/fine.ts")).toEqual([]);
    expect(await layerErrors('import { z } from "zod";\nimport { idSchema } from "./common.js";\nexport const s = z.object({ id: idSchema });\n', "functions/src/contracts/fine.ts")).toEqual([]);
  });

  it("lets each layer import what it may", async () => {
    expect(await layerErrors('import type { Goal } from "./types.js";\nexport type G = Goal;\n', "functions/src/domain/fine.ts")).toEqual([]);
    expect(await layerErrors('import { TableClient } from "@azure/data-tables";\nimport type { Goal } from "../domain/types.js";\nexport type G = [Goal, TableClient];\n', "functions/src/store/fine.ts")).toEqual([]);
    expect(await layerErrors('import { createGoalStore } from "../store/goal-store.js";\nexport const s = createGoalStore;\n', "functions/src/domain/fine.test.ts")).toEqual([]);
  });
});
