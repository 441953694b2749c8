import type { ChildProcess } from "node:child_process";

/** Asks a child process to stop with the signal, and kills it if it is still there after five seconds. */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  // A child killed by a signal has no exit code, only the signal.
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}
