/** Runs a command and collects its output; on Windows through the shell, where az and dotnet are .cmd/.exe shims. */
import { spawnSync } from "node:child_process";

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

const isWindows = process.platform === "win32";

/** cmd.exe would split or pipe on spaces, `|` and the like; quoting keeps each argument whole. */
const forShell = (arg: string) => (/[\s"|&<>^()]/.test(arg) ? `"${arg.replace(/"/g, '\\"')}"` : arg);

export function run(command: string, args: string[], options: { cwd?: string } = {}): Run {
  const result = spawnSync(command, isWindows ? args.map(forShell) : args, { cwd: options.cwd, encoding: "utf8", shell: isWindows, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: "1", DOTNET_NOLOGO: "1" } });
  return { status: result.error ? null : result.status, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}
