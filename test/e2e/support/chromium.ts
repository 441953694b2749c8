/** An installed Chrome, Chromium or Edge driven by playwright-core, with a throwaway profile and no
 * outside traffic. */
import { accessSync, constants, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { findChromium, type BrowserSearch } from "./find-chromium.js";

function isExecutable(filePath: string): boolean {
  try {
    accessSync(filePath, constants.X_OK);
    return statSync(filePath).isFile();
  } catch {
    return false;
  }
}

/** Looks for a browser on this machine (CHROMIUM_PATH first). */
export function searchThisMachine(): BrowserSearch {
  return findChromium({ platform: process.platform, env: process.env, isExecutable });
}

function resolveChromiumPath(): string {
  const search = searchThisMachine();
  if (search.kind === "missing") throw new Error(search.message);
  return search.path;
}

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export interface BrowserSession {
  context: BrowserContext;
  close(): Promise<void>;
}

export interface LaunchOptions {
  colorScheme?: "light" | "dark";
  viewport?: { width: number; height: number };
  /** Accept a loopback fake's throwaway certificate (the Entra ID stand-in speaks HTTPS). */
  isTrustingAnyCertificate?: boolean;
  /** The browser's language, as a person sets it (`--lang`, navigator.languages, Accept-Language). */
  locale?: string;
}

export async function launchChromium(options: LaunchOptions = {}): Promise<BrowserSession> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), "cascade-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: resolveChromiumPath(),
    headless: true,
    args: options.locale ? [...CHROMIUM_ARGS, `--lang=${options.locale}`] : CHROMIUM_ARGS,
    locale: options.locale,
    colorScheme: options.colorScheme ?? "light",
    viewport: options.viewport ?? { width: 1280, height: 860 },
    ignoreHTTPSErrors: options.isTrustingAnyCertificate ?? false,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
