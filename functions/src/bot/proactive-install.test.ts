import { describe, expect, test } from "vitest";
import type { AdminLogEntry } from "../domain/admin.js";
import type { TenantPolicy } from "../domain/goal-context.js";
import type { AppInstallStore, InstallAttempt, TenantInstallProblem } from "../store/app-install-store.js";
import type { ConversationRecord, ConversationStore } from "../store/conversation-store.js";
import type { AppInstaller, InstallOutcome } from "./app-installer.js";
import { FORBIDDEN_PAUSE_MS } from "./install-rules.js";
import { createProactiveInstall, type ProactiveInstallDeps } from "./proactive-install.js";

const T = "tenant-1";

/** Rows with ETags, as Table Storage keeps them: a write with a stale ETag loses. */
function createMemoryStore(): AppInstallStore & { attempts: Map<string, InstallAttempt> } {
  const rows = new Map<string, { value: unknown; etag: string }>();
  let n = 0;
  const write = (key: string, value: unknown, etag: string | null): string | null => {
    const current = rows.get(key);
    if (etag === null ? current !== undefined : current?.etag !== etag) return null;
    const next = `e${++n}`;
    rows.set(key, { value: structuredClone(value), etag: next });
    return next;
  };
  const read = <V>(key: string) => {
    const row = rows.get(key);
    return row ? { value: structuredClone(row.value) as V, etag: row.etag } : null;
  };
  return {
    tables: [],
    get attempts() {
      return new Map([...rows].filter(([key]) => key.startsWith("a|")).map(([key, row]) => [key.slice(2), row.value as InstallAttempt]));
    },
    getAttempt: async (_t, userId) => read<InstallAttempt>(`a|${userId}`),
    writeAttempt: async (attempt, etag) => write(`a|${attempt.userId}`, attempt, etag),
    getProblem: async () => read<TenantInstallProblem>("problem"),
    writeProblem: async (problem, etag) => write("problem", problem, etag),
    clearProblem: async (_t, etag) => void (rows.get("problem")?.etag === etag && rows.delete("problem")),
  };
}

function createWorld(options: { isEnabled?: boolean; isAble?: boolean; answer?: (userId: string) => InstallOutcome | Promise<InstallOutcome> } = {}) {
  const store = createMemoryStore();
  const calls: string[] = [];
  const notices: AdminLogEntry[] = [];
  const adopted: ConversationRecord[] = [];
  const clock = { at: new Date("2027-03-01T10:00:00.000Z"), now() { return this.at; } };
  let policy: TenantPolicy = { isApprovalRequired: true, organisationGoalOwnerIds: [], isProactiveInstallEnabled: options.isEnabled ?? true };
  const installer: AppInstaller = {
    async install(_tenantId, userId) {
      calls.push(userId);
      return (await options.answer?.(userId)) ?? { kind: "requested" };
    },
  };
  const conversations = { getConversation: async () => null, findServiceUrl: async () => "https://smba.example.test/emea" } as unknown as ConversationStore;
  const deps: ProactiveInstallDeps = {
    store,
    conversations,
    clock,
    ids: { newId: () => `id-${notices.length + 1}` },
    log: () => undefined,
    tenantPolicy: async () => policy,
    addAdminLogEntry: async (_t, entry) => void notices.push(entry),
    loadInstaller: options.isAble === false ? null : async () => installer,
    unavailableReason: options.isAble === false ? "no_app_id" : null,
    botId: "bot-app",
    adoptConversation: async (conversation) => void adopted.push(conversation),
  };
  const installs = createProactiveInstall(deps);
  return { installs, store, calls, notices, adopted, clock, setEnabled: (isOn: boolean) => (policy = { ...policy, isProactiveInstallEnabled: isOn }) };
}

describe("installing the app for people a card must reach", () => {
  test("asks Graph once per person, even when many cards ask at once", async () => {
    const w = createWorld();
    const answers = await Promise.all([1, 2, 3].map(() => w.installs.requestInstall(T, "manager")));
    await w.installs.whenIdle();
    expect(answers).toEqual([true, true, true]);
    expect(w.calls).toEqual(["manager"]);
    expect(w.store.attempts.get("manager")).toMatchObject({ state: "requested" });
    expect(await w.installs.requestInstall(T, "manager")).toBe(true);
    await w.installs.whenIdle();
    expect(w.calls).toEqual(["manager"]);
  });

  test("with the setting off, or without the means to install, Graph is never asked", async () => {
    const off = createWorld({ isEnabled: false });
    expect(await off.installs.requestInstall(T, "manager")).toBe(false);
    expect(off.calls).toEqual([]);
    const unable = createWorld({ isAble: false });
    expect(await unable.installs.requestInstall(T, "manager")).toBe(false);
    expect(await unable.installs.describe(T)).toEqual({ isAvailable: false, unavailableReason: "no_app_id", lastProblem: null });
  });

  test("the card is kept before Graph is asked, so Teams' announcement finds it; a card that cannot be kept does not stop the install", async () => {
    const order: string[] = [];
    const w = createWorld({ answer: () => (order.push("graph"), { kind: "requested" }) });
    await w.installs.requestInstall(T, "manager", async () => void order.push("kept"));
    expect(await w.installs.requestInstall(T, "vp", async () => Promise.reject(new Error("storage down")))).toBe(true);
    await w.installs.whenIdle();
    expect(order).toEqual(["kept", "graph", "graph"]);
  });

  test("once Teams confirms, the person is never installed again (they may remove the app)", async () => {
    const w = createWorld();
    await w.installs.requestInstall(T, "manager");
    await w.installs.whenIdle();
    await w.installs.noteInstalled(T, "manager");
    expect(w.store.attempts.get("manager")?.state).toBe("installed");
    w.clock.at = new Date(w.clock.at.getTime() + 30 * 24 * 3_600_000);
    expect(await w.installs.requestInstall(T, "manager")).toBe(false);
    expect(w.calls).toEqual(["manager"]);
  });

  test("someone who removed the app, even one they added themselves, is not installed again", async () => {
    const w = createWorld();
    await w.installs.noteInstalled(T, "vp");
    expect(w.store.attempts.has("vp")).toBe(false);
    await w.installs.noteRemoved(T, "vp");
    expect(w.store.attempts.get("vp")?.state).toBe("removed");
    expect(await w.installs.requestInstall(T, "vp")).toBe(false);
    await w.installs.noteInstalled(T, "vp");
    expect(w.store.attempts.get("vp")?.state).toBe("installed");
    expect(w.calls).toEqual([]);
  });

  test("a 403 pauses the tenant, tells the admin once, and a later install clears the problem", async () => {
    let answer: InstallOutcome = { kind: "failed", reason: "forbidden", status: 403, retryAfterSeconds: null };
    const w = createWorld({ answer: () => answer });
    expect(await w.installs.requestInstall(T, "manager")).toBe(true);
    await w.installs.whenIdle();
    expect(await w.installs.requestInstall(T, "vp")).toBe(false);
    expect(w.calls).toEqual(["manager"]);
    expect(w.notices).toHaveLength(1);
    expect(w.notices[0]).toMatchObject({ action: "app_install_failed", details: { status: 403, permission: "TeamsAppInstallation.ReadWriteSelfForUser.All" } });
    expect(w.store.attempts.get("manager")).toMatchObject({ state: "failed", reason: "forbidden" });
    expect((await w.installs.describe(T)).lastProblem).toMatchObject({ reason: "forbidden", status: 403 });

    answer = { kind: "requested" };
    w.clock.at = new Date(w.clock.at.getTime() + FORBIDDEN_PAUSE_MS + 1);
    expect(await w.installs.requestInstall(T, "manager")).toBe(true);
    await w.installs.whenIdle();
    expect(w.calls).toEqual(["manager", "manager"]);
    expect((await w.installs.describe(T)).lastProblem).toBeNull();
  });

  test("many people at once: Graph is asked a few at a time, and a 403 stops those still waiting their turn", async () => {
    let inFlight = 0;
    let peak = 0;
    const w = createWorld({
      answer: async () => {
        peak = Math.max(peak, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return { kind: "failed", reason: "forbidden", status: 403, retryAfterSeconds: null };
      },
    });
    const people = Array.from({ length: 10 }, (_, i) => `person-${i}`);
    expect(await Promise.all(people.map((p) => w.installs.requestInstall(T, p)))).toEqual(people.map(() => true));
    await w.installs.whenIdle();
    expect(peak).toBeLessThanOrEqual(4);
    expect(w.calls.length).toBeLessThanOrEqual(4);
    expect(w.notices).toHaveLength(1);
    for (const p of people) expect(w.store.attempts.get(p)).toMatchObject({ state: "failed", reason: "forbidden" });
  });

  test("an app installed already: the chat Graph names becomes the person's, at the tenant's Bot Service address", async () => {
    const w = createWorld({ answer: () => ({ kind: "already_installed", chatId: "19:chat@unq.gbl.spaces" }) });
    await w.installs.requestInstall(T, "manager");
    await w.installs.whenIdle();
    expect(w.adopted).toEqual([expect.objectContaining({ tenantId: T, userId: "manager", kind: "teams", conversationId: "19:chat@unq.gbl.spaces", serviceUrl: "https://smba.example.test/emea", botId: "28:bot-app" })]);
    expect(w.store.attempts.get("manager")?.state).toBe("installed");
  });

  test("a failing installer never fails the caller; the attempt is retried after its pause", async () => {
    const w = createWorld({ answer: () => Promise.reject(new Error("network down")) });
    expect(await w.installs.requestInstall(T, "manager")).toBe(true);
    await w.installs.whenIdle();
    expect(w.store.attempts.get("manager")).toMatchObject({ state: "failed", reason: "error" });
    expect(await w.installs.requestInstall(T, "manager")).toBe(false);
    w.clock.at = new Date(w.clock.at.getTime() + 2 * 3_600_000);
    expect(await w.installs.requestInstall(T, "manager")).toBe(true);
    await w.installs.whenIdle();
    expect(w.calls).toEqual(["manager", "manager"]);
  });
});
