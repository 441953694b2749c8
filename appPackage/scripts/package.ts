/** `npm run package -- --env dev|prod [--env-file path]`: builds appPackage/build/cascade-<env>.zip or says what to fix. */
import { relative } from "node:path";
import { parseArgs } from "node:util";
import { AppPackageError, buildAppPackage, type BuildOptions } from "./build-package.js";

const USAGE = "usage: npm run package -- --env <dev|prod> [--env-file <path to a .env file>]";

function readOptions(): BuildOptions | undefined {
  try {
    const { values } = parseArgs({ options: { env: { type: "string" }, "env-file": { type: "string" } } });
    if (values.env) return { env: values.env, envFile: values["env-file"] };
    console.error(`--env is required\n${USAGE}`);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
  }
  return undefined;
}

async function main(): Promise<void> {
  const options = readOptions();
  if (!options) {
    process.exitCode = 1;
    return;
  }
  try {
    const result = await buildAppPackage(options);
    console.log(JSON.stringify({ artifact: "teams-app", env: options.env, zip: relative(process.cwd(), result.zipPath), bytes: result.bytes }));
  } catch (error) {
    if (!(error instanceof AppPackageError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}

await main();
