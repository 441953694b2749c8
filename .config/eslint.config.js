import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

/** Layers do not loop: http → domain ← store/directory/bot adapters. The domain declares ports and
 * imports no SDK; the store implements ports and knows nothing of the org-chart sync, the bot or HTTP. */
const SDKS = ["@azure/*", "@microsoft/*", "@fluentui/*", "jose", "adaptivecards", "react", "react-dom"];
const layer = (folders, message) => folders.map((folder) => ({ group: [`**/${folder}/*`], message }));
const LAYER_RULES = {
  domain: [
    { group: SDKS, message: "The domain imports no SDK: declare a port in domain/ and implement it in an adapter." },
    ...layer(["store", "http", "bot", "directory", "jobs", "auth", "graph", "composition"], "The domain imports no adapter: declare a port in domain/ instead."),
  ],
  tab: [{ group: ["**/functions/*", "!**/functions/src", "**/functions/src/*", "!**/functions/src/contracts"], message: "The tab imports from functions/ only the API contract (functions/src/contracts)." }],
  contracts: [{ group: ["../**", "@*/**", "jose", "react", "react-dom", "adaptivecards"], message: "The contract imports only zod and other contract files." }],
  store: layer(["directory", "bot", "http", "jobs", "auth", "graph", "composition"], "The store implements domain ports and imports no directory, bot, HTTP or job code."),
};

export default tseslint.config(
  { ignores: ["**/dist/**", "**/build/**", "node_modules/**", ".cascade-data/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration in functions/src/config.ts only." }],
    },
  },
  {
    files: ["tab/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ["functions/src/config.ts", "test/**", "functions/dev/**", "functions/scripts/**", "appPackage/scripts/**", "infra/scripts/**", "*.config.ts", "tab/vite.config.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["test/**", "**/*.test.ts", "**/*.test.tsx"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["functions/src/domain/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: LAYER_RULES.domain }] },
  },
  {
    files: ["functions/src/store/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: LAYER_RULES.store }] },
  },
  {
    files: ["tab/src/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: LAYER_RULES.tab }] },
  },
  {
    files: ["functions/src/contracts/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: LAYER_RULES.contracts }] },
  },
);
