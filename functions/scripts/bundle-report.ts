/** Reads esbuild's metafile for bundle.ts: which files were written and what a cold start has to load. */
import { join } from "node:path";
import type { Metafile } from "esbuild";

/** Absolute paths of the JavaScript outputs; metafile paths are relative to the build's working folder. */
export function listOutputFiles(metafile: Metafile, workingDir: string): string[] {
  return Object.keys(metafile.outputs)
    .filter((file) => file.endsWith(".js"))
    .map((file) => join(workingDir, file));
}

/** The metafile's key for an output file, or undefined when esbuild did not write it. */
export function findOutput(metafile: Metafile, workingDir: string, file: string): string | undefined {
  return Object.keys(metafile.outputs).find((output) => join(workingDir, output) === file);
}

/** An entry and, transitively, the chunks it imports statically: what a cold start parses before it can
 * answer. Chunks behind `import()` are left out; they load on first use. */
export function listStartupOutputs(metafile: Metafile, entryOutput: string): string[] {
  const seen = new Set<string>();
  const visit = (output: string): void => {
    if (seen.has(output)) return;
    seen.add(output);
    for (const imported of metafile.outputs[output]?.imports ?? []) {
      if (imported.kind === "import-statement" && !imported.external) visit(imported.path);
    }
  };
  visit(entryOutput);
  return [...seen];
}

export function measureStartupBytes(metafile: Metafile, entryOutput: string): number {
  return listStartupOutputs(metafile, entryOutput).reduce((sum, output) => sum + (metafile.outputs[output]?.bytes ?? 0), 0);
}

/** Source files (paths relative to the working folder) whose code a cold start loads. */
export function listStartupInputs(metafile: Metafile, entryOutput: string): string[] {
  return listStartupOutputs(metafile, entryOutput).flatMap((output) => Object.keys(metafile.outputs[output]?.inputs ?? {}));
}

export function describeLargestInputs(metafile: Metafile): string {
  const sizes = Object.entries(metafile.outputs).flatMap(([, output]) => Object.entries(output.inputs));
  return sizes
    .sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput)
    .slice(0, 8)
    .map(([input, { bytesInOutput }]) => `  ${(bytesInOutput / 1024).toFixed(0).padStart(6)} kB  ${input}`)
    .join("\n");
}
