/** Makes whoever deploys a Cascade admin, so they can create the first cycle and appoint other admins.
 * Run by `atk deploy` (infra/m365agents.yml) and by hand after `npm ci`:
 *   npx tsx infra/scripts/assign-admin-role.ts --client-id <Entra app client id> */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { assignAdminRole } from "./admin-role.js";
import { run } from "./run-command.js";

function main(): void {
  const { values } = parseArgs({ options: { "client-id": { type: "string" } } });
  const clientId = values["client-id"]?.trim();
  if (!clientId) throw new Error("usage: npx tsx infra/scripts/assign-admin-role.ts --client-id <Entra app client id>");
  const folder = mkdtempSync(join(tmpdir(), "cascade-role-"));
  try {
    const outcome = assignAdminRole(clientId, (args) => run("az", args), (body) => {
      const file = join(folder, "assignment.json");
      writeFileSync(file, JSON.stringify(body));
      return file;
    });
    console.log(outcome.message);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

try {
  main();
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
