/** Runs a command and collects its output; on Windows through the shell, where az and dotnet are .cmd/.exe shims. */
import { spawn, spawnSync } from "node:child_process";

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

const isWindows = process.platform === "win32";

/** cmd.exe would split or pipe on spaces, `|` and the like; quoting keeps each argument whole. */
const forShell = (arg: string) => (/[\s"|&<>^()]/.test(arg) ? `"${arg.replace(/"/g, '\\"')}"` : arg);

const spawnOptions = (cwd: string | undefined) => ({ cwd, shell: isWindows, env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: "1", DOTNET_NOLOGO: "1" } });

export function run(command: string, args: string[], options: { cwd?: string } = {}): Run {
  const result = spawnSync(command, isWindows ? args.map(forShell) : args, { ...spawnOptions(options.cwd), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { status: result.error ? null : result.status, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}

/** The same, without blocking, so that two commands can run side by side. */
export function runAsync(command: string, args: string[], options: { cwd?: string } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(command, isWindows ? args.map(forShell) : args, spawnOptions(options.cwd));
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", (error) => resolve({ status: null, stdout, stderr: stderr + error.message }));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
