import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { idSchema } from "../contracts/common.js";
import { newGoalId, ownerNamedBy } from "./goal-ids.js";

const uuids = { newId: () => randomUUID() };

describe("goal ids that name their owner", () => {
  test("an object id owner is packed into the id and read back, and the id passes the API's id rule", () => {
    const ownerId = randomUUID();
    const id = newGoalId(ownerId, uuids);
    expect(id).toMatch(/^o[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/);
    expect(id).toHaveLength(46);
    expect(idSchema.safeParse(id).success).toBe(true);
    expect(ownerNamedBy(id)).toBe(ownerId);
  });

  test("other short owner ids are carried as they are; the longest fits the 64-character rule", () => {
    for (const ownerId of ["u1", "person-7", "é".repeat(15), "x".repeat(30)]) {
      const id = newGoalId(ownerId, uuids);
      expect(id.startsWith("p")).toBe(true);
      expect(idSchema.safeParse(id).success).toBe(true);
      expect(ownerNamedBy(id)).toBe(ownerId);
    }
  });

  test("two goals of the same owner get different ids", () => {
    const ownerId = randomUUID();
    const ids = new Set(Array.from({ length: 200 }, () => newGoalId(ownerId, uuids)));
    expect(ids.size).toBe(200);
  });

  test("owners that fit no form, and generators that do not hand out UUIDs, give the generator's id", () => {
    const fixed = { newId: () => "0f8fad5b-d9cb-469f-a165-70867728950e" };
    expect(newGoalId("x".repeat(31), fixed)).toBe("0f8fad5b-d9cb-469f-a165-70867728950e");
    expect(newGoalId("0F8FAD5B-D9CB-469F-A165-70867728950E", fixed)).toBe("0f8fad5b-d9cb-469f-a165-70867728950e");
    expect(newGoalId("", fixed)).toBe("0f8fad5b-d9cb-469f-a165-70867728950e");
    expect(newGoalId(randomUUID(), { newId: () => "id-1" })).toBe("id-1");
  });

  test("ids made before, and ids that only look alike, name no owner", () => {
    const ownerId = randomUUID();
    const id = newGoalId(ownerId, uuids);
    const random = id.slice(id.indexOf(".") + 1);
    for (const other of [
      randomUUID(),
      "g1",
      "",
      id.replace(".", "-"),
      `${id}x`,
      `o${"A".repeat(21)}.${random}`,
      `o${"A".repeat(23)}.${random}`,
      `p${Buffer.from(ownerId, "utf8").toString("base64url")}.${random}`,
      `p${Buffer.from([0xff, 0xfe, 0x41]).toString("base64url")}.${random}`,
      `pA.${random}`,
      `q${id.slice(1)}`,
    ]) {
      expect(ownerNamedBy(other)).toBeNull();
    }
  });

  test("an object id spelt in the short form names no owner, so each owner has one spelling", () => {
    const guid = "0f8fad5b-d9cb-469f-a165-70867728950e";
    const random = newGoalId(guid, uuids).slice(-22);
    const short = Buffer.from(guid.slice(0, 30), "utf8").toString("base64url");
    expect(ownerNamedBy(`p${short}.${random}`)).toBe(guid.slice(0, 30));
    expect(ownerNamedBy(`p${Buffer.from(guid, "utf8").toString("base64url")}.${random}`)).toBeNull();
  });
});
