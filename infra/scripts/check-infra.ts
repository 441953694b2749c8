/** `npm run check:infra`: compiles infra/main.bicep and every module with the Bicep CLI, lints them (any
 * warning fails; infra/bicepconfig.json says which rules are off and why), and checks the compiled
 * template against the toolkit project, the guides and the app's configuration. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig, SETTING_NAMES } from "../../functions/src/config.js";
import { findBicep } from "./bicep-cli.js";
import {
  checkAppSettings,
  checkOutputs,
  checkSettingsTable,
  filesUsedByActions,
  findAppSettings,
  namesUsedInGuide,
  namesWrittenByActions,
  placeholdersIn,
  settingsInGuideTable,
  type ArmTemplate,
  type OutputUse,
} from "./infra-contract.js";
import { runAsync } from "./run-command.js";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const infra = join(repo, "infra");
const DIAGNOSTIC = /^(.+)\((\d+),(\d+)\) : (Error|Warning|Info) ([^:]+): (.*)$/;

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Diagnostics as the CLI prints them, each once (a module's show again when a file that uses it is built). */
function diagnostics(output: string): string[] {
  const lines = output.split(/\r?\n/).filter((line) => DIAGNOSTIC.test(line));
  return [...new Set(lines.map((line) => line.replace(repo + "/", "")))];
}

/** Build and lint run side by side: each is a separate start of the CLI, most of whose time is its own start-up. */
async function compile(bicep: string, outDir: string): Promise<{ findings: string[]; template: ArmTemplate }> {
  const pattern = `${relative(repo, infra)}/**/*.bicep`;
  const [build, lint] = await Promise.all([
    runAsync(bicep, ["build", "--pattern", pattern, "--outdir", outDir], { cwd: repo }),
    runAsync(bicep, ["lint", "--pattern", pattern], { cwd: repo }),
  ]);
  const findings = diagnostics(build.stdout + build.stderr + lint.stdout + lint.stderr);
  if ((build.status !== 0 || lint.status !== 0) && findings.length === 0) findings.push(`bicep exited with ${build.status ?? lint.status}: ${(build.stderr + lint.stderr).trim()}`);
  const template = build.status === 0 ? (JSON.parse(readFileSync(join(outDir, "main.json"), "utf8")) as ArmTemplate) : {};
  return { findings, template };
}

function outputUses(): { uses: OutputUse[]; provided: Set<string> } {
  const ymlPath = join(infra, "m365agents.yml");
  const yml = readFileSync(ymlPath, "utf8");
  const uses: OutputUse[] = [];
  const add = (names: Set<string>, where: string) => names.forEach((name) => uses.push({ name, where }));
  add(placeholdersIn(yml), "infra/m365agents.yml");
  for (const file of filesUsedByActions(yml)) {
    const path = resolve(infra, file);
    add(placeholdersIn(readFileSync(path, "utf8")), relative(repo, path));
  }
  for (const guide of ["README.md", "infra/README.md"]) add(namesUsedInGuide(readFileSync(join(repo, guide), "utf8")), guide);
  return { uses, provided: namesWrittenByActions(yml) };
}

async function main(): Promise<void> {
  const started = performance.now();
  const bicep = findBicep();
  console.log(`Bicep CLI ${bicep.version} from ${bicep.source} (${seconds(started)})`);
  const outDir = mkdtempSync(join(tmpdir(), "cascade-bicep-"));
  try {
    const compiling = performance.now();
    const { findings, template } = await compile(bicep.path, outDir);
    console.log(`built and linted infra/**/*.bicep: ${findings.length} finding(s) (${seconds(compiling)})`);
    const { uses, provided } = outputUses();
    const settings = template.outputs ? findAppSettings(template) : null;
    const problems = [
      ...findings,
      ...(template.outputs ? checkOutputs(template, uses, provided) : []),
      ...(settings ? checkAppSettings(settings, { settingNames: SETTING_NAMES, load: loadConfig }) : []),
      ...(settings ? checkSettingsTable(settings, settingsInGuideTable(readFileSync(join(infra, "README.md"), "utf8"))) : []),
    ];
    if (settings) {
      const count = Object.keys(settings.owned).length + Object.keys(settings.ifGiven).length;
      console.log(`template: ${Object.keys(template.outputs ?? {}).length} outputs, ${count} app settings; ${uses.length} uses of outputs checked`);
    }
    for (const problem of problems) console.error(`  - ${problem}`);
    console.log(problems.length === 0 ? `check:infra passed in ${seconds(started)}` : `check:infra failed (${problems.length} problem(s)) in ${seconds(started)}`);
    if (problems.length > 0) process.exitCode = 1;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
