import { describe, expect, it } from "vitest";
import { createMemoryStorage } from "../../../test/support/tab-builders.js";
import { clearSession, readSession, writeSession, type BrowserSession } from "./browser-session.js";

const NOW = Date.parse("2027-07-01T12:00:00Z");
const session: BrowserSession = { userId: "p-1", displayName: "Maria Garcia", token: "jwt", expiresAt: "2027-07-01T13:00:00Z" };

describe("browser session", () => {
  it("remembers a session until it expires", () => {
    const storage = createMemoryStorage();
    writeSession(storage, session);
    expect(readSession(storage, NOW)).toEqual(session);
    expect(readSession(storage, Date.parse("2027-07-01T13:00:01Z"))).toBeNull();
  });

  it("treats a token about to expire as gone", () => {
    const storage = createMemoryStorage();
    writeSession(storage, { ...session, expiresAt: "2027-07-01T12:00:10Z" });
    expect(readSession(storage, NOW)).toBeNull();
  });

  it("ignores damaged or foreign values", () => {
    const storage = createMemoryStorage();
    storage.setItem("cascade.session", "{not json");
    expect(readSession(storage, NOW)).toBeNull();
    storage.setItem("cascade.session", JSON.stringify({ token: "jwt" }));
    expect(readSession(storage, NOW)).toBeNull();
  });

  it("forgets the session on clear", () => {
    const storage = createMemoryStorage();
    writeSession(storage, session);
    clearSession(storage);
    expect(readSession(storage, NOW)).toBeNull();
  });
});
