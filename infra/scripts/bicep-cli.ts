/** Finds a Bicep CLI: `bicep` on PATH, else the one the Azure CLI manages, else the NuGet package
 * Azure.Bicep.CommandLine.<platform> restored with `dotnet` into a cache folder that later runs reuse. */
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { run } from "./run-command.js";

/** The version restored from NuGet; a CLI found on the machine must be at least this new, since older
 * ones lack `--pattern` and know fewer resource types. */
export const BICEP_VERSION = "0.47.16";

export interface BicepCli {
  path: string;
  version: string;
  source: "PATH" | "Azure CLI" | "NuGet (restored now)" | "NuGet (cached)";
}

function versionOf(path: string): string | null {
  const { status, stdout } = run(path, ["--version"]);
  return status === 0 ? (/(\d+\.\d+\.\d+)/.exec(stdout)?.[1] ?? null) : null;
}

export function isAtLeast(version: string, minimum: string): boolean {
  const [a, b] = [version, minimum].map((v) => v.split(".").map(Number));
  for (let i = 0; i < 3; i++) if ((a![i] ?? 0) !== (b![i] ?? 0)) return (a![i] ?? 0) > (b![i] ?? 0);
  return true;
}

/** NuGet's runtime id for this machine, which names the package. */
export function runtimeId(platform = process.platform, arch = process.arch, isMusl = isMuslLinux()): string {
  const cpu = arch === "arm64" ? "arm64" : "x64";
  if (platform === "win32") return `win-${cpu}`;
  if (platform === "darwin") return `osx-${cpu}`;
  return isMusl && cpu === "x64" ? "linux-musl-x64" : `linux-${cpu}`;
}

function isMuslLinux(): boolean {
  if (process.platform !== "linux") return false;
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  return !header?.glibcVersionRuntime;
}

export function cacheFolder(): string {
  return join(process.env["XDG_CACHE_HOME"] ?? join(homedir(), ".cache"), "cascade", "bicep");
}

function fromPath(): BicepCli | null {
  const version = versionOf("bicep");
  return version && isAtLeast(version, BICEP_VERSION) ? { path: "bicep", version, source: "PATH" } : null;
}

/** The Azure CLI keeps its Bicep in ~/.azure/bin; `az bicep install` puts it there when it is missing. */
function fromAzureCli(): BicepCli | null {
  if (run("az", ["version"]).status !== 0) return null;
  const path = join(homedir(), ".azure", "bin", process.platform === "win32" ? "bicep.exe" : "bicep");
  if (!existsSync(path)) run("az", ["bicep", "install"]);
  const version = existsSync(path) ? versionOf(path) : null;
  return version && isAtLeast(version, BICEP_VERSION) ? { path, version, source: "Azure CLI" } : null;
}

/** A throwaway project whose only job is a PackageDownload of the CLI package into the cache folder. */
function fromNuGet(): BicepCli {
  const rid = runtimeId();
  const packageId = `Azure.Bicep.CommandLine.${rid}`;
  const root = cacheFolder();
  const packages = join(root, "packages");
  const path = join(packages, packageId.toLowerCase(), BICEP_VERSION, "tools", process.platform === "win32" ? "bicep.exe" : "bicep");
  if (existsSync(path)) return { path, version: BICEP_VERSION, source: "NuGet (cached)" };
  const sdk = run("dotnet", ["--version"]);
  if (sdk.status !== 0) throw new Error("No Bicep CLI: install `bicep` (or the Azure CLI), or the .NET SDK so that `dotnet` can restore the NuGet package.");
  const project = join(root, `restore-${BICEP_VERSION}`);
  mkdirSync(project, { recursive: true });
  const targetFramework = `net${sdk.stdout.trim().split(".")[0]}.0`;
  writeFileSync(
    join(project, "restore.csproj"),
    `<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup><TargetFramework>${targetFramework}</TargetFramework></PropertyGroup>\n  <ItemGroup><PackageDownload Include="${packageId}" Version="[${BICEP_VERSION}]" /></ItemGroup>\n</Project>\n`,
  );
  const restore = run("dotnet", ["restore", "restore.csproj", "--packages", packages], { cwd: project });
  if (restore.status !== 0 || !existsSync(path)) {
    throw new Error(`dotnet restore of ${packageId} ${BICEP_VERSION} failed:\n${(restore.stdout + restore.stderr).trim()}`);
  }
  if (process.platform !== "win32") chmodSync(path, 0o755);
  return { path, version: BICEP_VERSION, source: "NuGet (restored now)" };
}

export function findBicep(): BicepCli {
  return fromPath() ?? fromAzureCli() ?? fromNuGet();
}
