/** `npm run bench -- NAME…`: runs the named benchmarks (all when none is named); each prints JSON lines. */
const BENCHES: Record<string, () => Promise<void>> = {
  sync: async () => (await import("./sync.js")).runSyncBench(),
  api: async () => (await import("./api.js")).runApiBench(),
  tab: async () => (await import("./tab.js")).runTabBench(),
  import: async () => (await import("./import.js")).runImportBench(),
  leaders: async () => (await import("./leaders.js")).runLeadersBench(),
  upkeep: async () => (await import("./upkeep.js")).runUpkeepBench(),
};

async function main(): Promise<void> {
  const names = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const unknown = names.filter((n) => !(n in BENCHES));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark: ${unknown.join(", ")}. Choose from: ${Object.keys(BENCHES).join(", ")}.`);
    process.exit(2);
  }
  for (const name of names.length > 0 ? names : Object.keys(BENCHES)) await BENCHES[name]!();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
