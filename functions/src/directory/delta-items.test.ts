import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Person } from "../domain/types.js";
import { applyPatch } from "../store/org-packing.js";
import { mergeDeltaEntries, readDeltaItem, type DeltaEntry } from "./delta-items.js";

const USER = "#microsoft.graph.user";

describe("reading users delta items", () => {
  test("a whole user from the first round fills every field; no manager@delta means no manager", () => {
    expect(readDeltaItem({ id: "u1", displayName: "Ada", mail: null, userPrincipalName: "ada@x", jobTitle: "CEO", accountEnabled: true }, true)).toEqual({
      kind: "upsert",
      patch: { id: "u1", fields: { displayName: "Ada", mail: null, userPrincipalName: "ada@x", jobTitle: "CEO", department: null, preferredLanguage: null, accountEnabled: true, managerId: null } },
    });
  });

  test("reads the preferred language, and a later round may change only that", () => {
    const whole = readDeltaItem({ id: "u1", displayName: "Ada", preferredLanguage: "de-DE", accountEnabled: true }, true);
    expect(whole?.kind === "upsert" && whole.patch.fields.preferredLanguage).toBe("de-DE");
    expect(readDeltaItem({ id: "u1", preferredLanguage: "ja-JP" }, false)).toEqual({ kind: "upsert", patch: { id: "u1", fields: { preferredLanguage: "ja-JP" } } });
  });

  test("a later round carries only what changed", () => {
    expect(readDeltaItem({ id: "u1", jobTitle: "CTO" }, false)).toEqual({ kind: "upsert", patch: { id: "u1", fields: { jobTitle: "CTO" } } });
  });

  test("manager@delta sets the manager, and an entry marked @removed takes it away", () => {
    expect(readDeltaItem({ id: "u1", "manager@delta": [{ "@odata.type": USER, id: "m2" }] }, false)).toEqual({ kind: "upsert", patch: { id: "u1", fields: { managerId: "m2" } } });
    const removed = readDeltaItem({ id: "u1", "manager@delta": [{ "@odata.type": USER, id: "m1", "@removed": { reason: "deleted" } }] }, false);
    expect(removed).toEqual({ kind: "upsert", patch: { id: "u1", fields: { managerId: null } } });
    const replaced = readDeltaItem({ id: "u1", "manager@delta": [{ id: "m1", "@removed": { reason: "deleted" } }, { id: "m3" }] }, false);
    expect(replaced).toEqual({ kind: "upsert", patch: { id: "u1", fields: { managerId: "m3" } } });
  });

  test("@removed says whether the user was soft or permanently deleted", () => {
    expect(readDeltaItem({ id: "u1", "@removed": { reason: "changed" } }, false)).toEqual({ kind: "removed", id: "u1", reason: "changed" });
    expect(readDeltaItem({ id: "u1", "@removed": { reason: "deleted" } }, false)).toEqual({ kind: "removed", id: "u1", reason: "deleted" });
  });

  test("items without an id are ignored; a missing display name falls back to the sign-in name", () => {
    expect(readDeltaItem({ displayName: "x" }, true)).toBeNull();
    expect(readDeltaItem(null, true)).toBeNull();
    expect(readDeltaItem({ id: "u9", userPrincipalName: "u9@x" }, true)).toMatchObject({ patch: { fields: { displayName: "u9@x" } } });
  });
});

describe("merging repeated items", () => {
  const fieldArb = fc.record({ jobTitle: fc.option(fc.constantFrom("A", "B", "C"), { nil: undefined }), managerId: fc.option(fc.option(fc.constantFrom("m1", "m2"), { nil: null }), { nil: undefined }), accountEnabled: fc.option(fc.boolean(), { nil: undefined }) });
  const entryArb: fc.Arbitrary<DeltaEntry> = fc.oneof(
    fieldArb.map((fields): DeltaEntry => ({ kind: "upsert", patch: { id: "u", fields: Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) } })),
    fc.constant<DeltaEntry>({ kind: "removed", id: "u", reason: "deleted" }),
  );

  test("merging items then applying once equals applying each item in turn", () => {
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 1, maxLength: 6 }), (entries) => {
        const stored: Person = { id: "u", displayName: "U", mail: null, jobTitle: "Z", department: null, managerId: "m0", accountEnabled: true, updatedAt: "t" };
        let stepwise: Person | null = stored;
        for (const entry of entries) stepwise = entry.kind === "removed" ? null : applyPatch(stepwise, entry.patch, "t");
        const merged = entries.reduce<DeltaEntry | undefined>((acc, e) => mergeDeltaEntries(acc, e), undefined)!;
        // After a removal the user starts afresh, as Graph sends a restored user whole.
        const base = entries.some((e) => e.kind === "removed") ? null : stored;
        expect(merged.kind === "removed" ? null : applyPatch(base, merged.patch, "t")).toEqual(stepwise);
      }),
    );
  });
});
