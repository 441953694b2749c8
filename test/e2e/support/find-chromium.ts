/** Finds a Chromium-family browser for the browser tests on Linux, macOS or Windows. The machine is
 * passed in (platform, environment, a file check), so the search itself is plain logic. */
import path from "node:path";

export interface BrowserProbe {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** True when an executable file is at this path. */
  isExecutable(filePath: string): boolean;
}

export type BrowserSearch = { kind: "found"; path: string } | { kind: "missing"; message: string };

export const NO_BROWSER_MESSAGE =
  "The browser tests need Chrome, Chromium or Edge: install one (on Debian or Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH to a browser's executable.";

/** Debian's package, last: it is what CI installs when nothing else is there. */
const DEBIAN_CHROMIUM = "/usr/bin/chromium";
const PATH_NAMES = ["google-chrome", "google-chrome-stable", "chromium", "chromium-browser", "microsoft-edge", "microsoft-edge-stable"];

const LINUX_PATHS = [
  "/opt/google/chrome/chrome",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/usr/bin/chromium-browser",
  "/snap/bin/chromium",
  "/opt/microsoft/msedge/msedge",
  "/usr/bin/microsoft-edge",
  "/usr/bin/microsoft-edge-stable",
];

const MAC_APPS = ["Google Chrome.app/Contents/MacOS/Google Chrome", "Chromium.app/Contents/MacOS/Chromium", "Microsoft Edge.app/Contents/MacOS/Microsoft Edge"];

const WINDOWS_APPS = ["Google\\Chrome\\Application\\chrome.exe", "Chromium\\Application\\chrome.exe", "Microsoft\\Edge\\Application\\msedge.exe"];

function listInstallPaths({ platform, env }: BrowserProbe): string[] {
  if (platform === "darwin") {
    const roots = ["/Applications", env.HOME ? path.posix.join(env.HOME, "Applications") : null].filter((root): root is string => root !== null);
    return MAC_APPS.flatMap((app) => roots.map((root) => path.posix.join(root, app)));
  }
  if (platform === "win32") {
    const roots = [env.PROGRAMFILES, env["PROGRAMFILES(X86)"], env.LOCALAPPDATA].filter((root): root is string => Boolean(root));
    return WINDOWS_APPS.flatMap((app) => roots.map((root) => path.win32.join(root, app)));
  }
  return LINUX_PATHS;
}

/** What `which` (or `where` on Windows) would find for each browser name, in PATH order. */
function listPathMatches({ platform, env }: BrowserProbe): string[] {
  const pathApi = platform === "win32" ? path.win32 : path.posix;
  const dirs = (env.PATH ?? env.Path ?? "").split(platform === "win32" ? ";" : ":").filter(Boolean);
  const extensions = platform === "win32" ? (env.PATHEXT ?? ".EXE").split(";").filter(Boolean) : [""];
  return PATH_NAMES.flatMap((name) => dirs.flatMap((dir) => extensions.map((ext) => pathApi.join(dir, name + ext.toLowerCase()))));
}

/** Every place looked at, in order: installs where the platform puts them, then PATH, then Debian's. */
export function listBrowserCandidates(probe: BrowserProbe): string[] {
  const candidates = [...listInstallPaths(probe), ...listPathMatches(probe)];
  if (probe.platform === "linux") candidates.push(DEBIAN_CHROMIUM);
  return [...new Set(candidates)];
}

export function findChromium(probe: BrowserProbe): BrowserSearch {
  const chosen = probe.env.CHROMIUM_PATH?.trim();
  if (chosen) {
    return probe.isExecutable(chosen)
      ? { kind: "found", path: chosen }
      : { kind: "missing", message: `CHROMIUM_PATH is set to ${chosen}, but there is no browser there: point it at Chrome, Chromium or Edge, or unset it.` };
  }
  const found = listBrowserCandidates(probe).find((candidate) => probe.isExecutable(candidate));
  return found ? { kind: "found", path: found } : { kind: "missing", message: NO_BROWSER_MESSAGE };
}
