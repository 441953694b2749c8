import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root,
  test: {
    projects: [
      {
        root,
        test: {
          name: "unit",
          include: ["functions/src/**/*.test.ts", "cards/**/*.test.ts", "tab/src/**/*.test.ts", "appPackage/**/*.test.ts", "infra/**/*.test.ts", "test/e2e/support/*.test.ts", "test/architecture/*.test.ts"],
          environment: "node",
        },
      },
      {
        root,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          globalSetup: ["test/support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        root,
        test: {
          name: "adversarial",
          include: ["test/adversarial/**/*.test.ts"],
          globalSetup: ["test/support/global-setup.ts", "test/adversarial/support/counts-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        root,
        test: {
          name: "browser",
          include: ["test/e2e/*.test.ts"],
          globalSetup: ["test/e2e/support/browser-setup.ts", "test/support/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
