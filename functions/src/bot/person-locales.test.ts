import { describe, expect, it } from "vitest";
import type { TenantPolicy } from "../domain/goal-context.js";
import type { Person } from "../domain/types.js";
import type { PersonReminderState } from "../store/reminder-store.js";
import { createPersonLocales } from "./person-locales.js";

function buildWorld(options: { stored?: string | null; preferred?: string | null; tenantDefault?: string } = {}) {
  const counts = { reads: 0, writes: 0 };
  let stored = options.stored ?? null;
  const person = { id: "p", displayName: "P", preferredLanguage: options.preferred ?? null } as Person;
  const locales = createPersonLocales({
    reminders: {
      async getState(_tenantId, personId): Promise<PersonReminderState> {
        counts.reads++;
        return { personId, lastReminderAt: null, lastDigestAt: null, timeZone: null, locale: stored };
      },
      async updateState(_tenantId, _personId, fields) {
        counts.writes++;
        stored = fields.locale;
      },
    },
    directory: { getPerson: async () => person } as never,
    tenantPolicy: async () => ({ isApprovalRequired: true, organisationGoalOwnerIds: [], defaultLocale: options.tenantDefault }) as TenantPolicy,
  });
  return { locales, counts, stored: () => stored };
}

describe("findLocale", () => {
  it("prefers the language last used in Cascade, then Entra's preferred language, then the tenant's default", async () => {
    expect(await buildWorld({ stored: "fr", preferred: "de-DE", tenantDefault: "ja" }).locales.findLocale("t", "p")).toBe("fr");
    expect(await buildWorld({ preferred: "de-DE", tenantDefault: "ja" }).locales.findLocale("t", "p")).toBe("de");
    expect(await buildWorld({ tenantDefault: "ja" }).locales.findLocale("t", "p")).toBe("ja");
    expect(await buildWorld().locales.findLocale("t", "p")).toBeNull();
  });

  it("skips a preferred language Cascade does not speak", async () => {
    expect(await buildWorld({ preferred: "pt-BR", tenantDefault: "es" }).locales.findLocale("t", "p")).toBe("es");
  });
});

describe("noteLocale", () => {
  it("writes once when the language changes and not at all when it stays the same", async () => {
    const world = buildWorld({ stored: "en" });
    await world.locales.noteLocale("t", "p", "en-GB,en;q=0.9");
    expect(world.counts).toEqual({ reads: 1, writes: 0 });
    for (let i = 0; i < 5; i++) await world.locales.noteLocale("t", "p", "en-US");
    expect(world.counts).toEqual({ reads: 1, writes: 0 });
    await world.locales.noteLocale("t", "p", "de-CH");
    expect(world.counts).toEqual({ reads: 1, writes: 1 });
    expect(world.stored()).toBe("de");
    await world.locales.noteLocale("t", "p", "de");
    expect(world.counts).toEqual({ reads: 1, writes: 1 });
  });

  it("ignores a missing or unsupported language", async () => {
    const world = buildWorld();
    for (const requested of [null, undefined, "", "*", "pt-BR"]) await world.locales.noteLocale("t", "p", requested);
    expect(world.counts).toEqual({ reads: 0, writes: 0 });
  });
});
