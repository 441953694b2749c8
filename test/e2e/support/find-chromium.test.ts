import { describe, expect, it } from "vitest";
import { findChromium, listBrowserCandidates, NO_BROWSER_MESSAGE, type BrowserProbe } from "./find-chromium.js";

function probe(platform: NodeJS.Platform, env: Record<string, string>, installed: string[]): BrowserProbe {
  const present = new Set(installed);
  return { platform, env, isExecutable: (filePath) => present.has(filePath) };
}

describe("findChromium", () => {
  it("takes CHROMIUM_PATH before anything installed", () => {
    const machine = probe("linux", { CHROMIUM_PATH: "/home/me/chrome/chrome", PATH: "/usr/bin" }, ["/home/me/chrome/chrome", "/usr/bin/chromium"]);
    expect(findChromium(machine)).toEqual({ kind: "found", path: "/home/me/chrome/chrome" });
  });

  it("says so when CHROMIUM_PATH points at nothing, rather than quietly using another browser", () => {
    const result = findChromium(probe("linux", { CHROMIUM_PATH: "/nowhere/chrome" }, ["/usr/bin/chromium"]));
    expect(result.kind).toBe("missing");
    expect(result.kind === "missing" && result.message).toContain("CHROMIUM_PATH is set to /nowhere/chrome");
  });

  it("prefers Chrome, then Chromium, then Edge where Linux installs them", () => {
    const all = ["/opt/google/chrome/chrome", "/usr/bin/chromium-browser", "/opt/microsoft/msedge/msedge"];
    expect(findChromium(probe("linux", {}, all))).toEqual({ kind: "found", path: "/opt/google/chrome/chrome" });
    expect(findChromium(probe("linux", {}, all.slice(1)))).toEqual({ kind: "found", path: "/usr/bin/chromium-browser" });
    expect(findChromium(probe("linux", {}, all.slice(2)))).toEqual({ kind: "found", path: "/opt/microsoft/msedge/msedge" });
  });

  it("finds a browser on the PATH by its usual names", () => {
    const machine = probe("linux", { PATH: "/usr/local/bin:/home/me/bin" }, ["/home/me/bin/microsoft-edge"]);
    expect(findChromium(machine)).toEqual({ kind: "found", path: "/home/me/bin/microsoft-edge" });
  });

  it("falls back to Debian's chromium on Linux", () => {
    expect(findChromium(probe("linux", { PATH: "" }, ["/usr/bin/chromium"]))).toEqual({ kind: "found", path: "/usr/bin/chromium" });
    expect(listBrowserCandidates(probe("linux", {}, [])).at(-1)).toBe("/usr/bin/chromium");
  });

  it("looks in the macOS Applications folders", () => {
    const edge = "/Users/me/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge";
    expect(findChromium(probe("darwin", { HOME: "/Users/me" }, [edge]))).toEqual({ kind: "found", path: edge });
    const chrome = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
    expect(findChromium(probe("darwin", { HOME: "/Users/me" }, [edge, chrome]))).toEqual({ kind: "found", path: chrome });
    expect(listBrowserCandidates(probe("darwin", {}, []))).not.toContain("/usr/bin/chromium");
  });

  it("looks under Program Files and the user's local app data on Windows, and on the PATH with .exe", () => {
    const env = { PROGRAMFILES: "C:\\Program Files", "PROGRAMFILES(X86)": "C:\\Program Files (x86)", LOCALAPPDATA: "C:\\Users\\me\\AppData\\Local", PATH: "C:\\tools", PATHEXT: ".COM;.EXE" };
    const edge = "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe";
    expect(findChromium(probe("win32", env, [edge]))).toEqual({ kind: "found", path: edge });
    const userChrome = "C:\\Users\\me\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe";
    expect(findChromium(probe("win32", env, [edge, userChrome]))).toEqual({ kind: "found", path: userChrome });
    expect(findChromium(probe("win32", env, ["C:\\tools\\chromium.exe"]))).toEqual({ kind: "found", path: "C:\\tools\\chromium.exe" });
  });

  it("gives one sentence saying how to get a browser when there is none", () => {
    const result = findChromium(probe("linux", { PATH: "/usr/bin:/bin" }, []));
    expect(result).toEqual({ kind: "missing", message: NO_BROWSER_MESSAGE });
    expect(NO_BROWSER_MESSAGE.match(/[.!?](\s|$)/g)).toHaveLength(1);
  });
});
