import { describe, expect, test } from "vitest";
import { collectText, ERASED_NAME, ERASED_PERSON_ID, holdsValue, tenantFilter, type ErasureContext, type StoredEntity } from "./tenant-data.js";
import { decideUsual, scrubEntity } from "./tenant-sweep.js";

const PERSON = "8d3c1f0e-5a4b-4c2d-9e8f-7a6b5c4d3e2f";
const context: ErasureContext = { tenantId: "t1", personId: PERSON, displayName: "Ada Lovelace", mail: "ada@contoso.example", goalIds: new Set(["goal-ada"]), successorId: "boss" };
const row = (props: Record<string, unknown>): StoredEntity => ({ etag: 'W/"1"', partitionKey: "t1|someone", rowKey: "a|goal-x|1", ...props }) as StoredEntity;

describe("tenant rows", () => {
  test("the tenant filter covers the bare tenant key and tenant|… keys only", () => {
    expect(tenantFilter("t1")).toBe("PartitionKey eq 't1' or (PartitionKey ge 't1|' and PartitionKey lt 't1}')");
  });

  test("an id split across numbered slices is still found", () => {
    const entity = { partitionKey: "t1|p00", rowKey: "s001", d0: `[{"id":"${PERSON.slice(0, 10)}`, d1: `${PERSON.slice(10)}"}]`, n: 1 };
    expect(collectText(entity).some((t) => t.includes(PERSON))).toBe(true);
    expect(holdsValue(entity, PERSON)).toBe(true);
    expect(holdsValue({ partitionKey: "t1", rowKey: "x", d0: "nothing" }, PERSON)).toBe(false);
  });
});

describe("erasure rules", () => {
  test("rows keyed by the person or by one of their goals are deleted", () => {
    expect(decideUsual(row({ partitionKey: `t1|${PERSON}` }), context, "scrub")).toBe("delete");
    expect(decideUsual(row({ partitionKey: "t1|goal-ada", rowKey: "k|1" }), context, "scrub")).toBe("delete");
    expect(decideUsual(row({ rowKey: PERSON }), context, "scrub")).toBe("delete");
  });

  test("rows that do not mention the person are kept", () => {
    expect(decideUsual(row({ actorId: "someone-else", comment: "Fine." }), context, "delete")).toBe("keep");
    expect(decideUsual(row({ partitionKey: "t1|goal-adam" }), context, "delete")).toBe("keep");
  });

  test("the person's own words in someone else's record go; the record keeps a placeholder author", () => {
    const decision = decideUsual(row({ actorId: PERSON, action: "approved", comment: "Looks good to me", changes: JSON.stringify({ approverId: { from: PERSON, to: "boss" } }) }), context, "scrub");
    expect(decision).toEqual({ replace: expect.objectContaining({ actorId: ERASED_PERSON_ID, comment: "", action: "approved", changes: JSON.stringify({ approverId: { from: ERASED_PERSON_ID, to: "boss" } }) }) });
  });

  test("others' free text keeps, with the person's name and mail blanked as whole words", () => {
    const scrubbed = scrubEntity(row({ authorId: "bob", text: "Ask Ada Lovelace or mail ada@contoso.example; not Ada Lovelaces", title: "Ada Lovelace's plan" }), context);
    expect(scrubbed["text"]).toBe(`Ask ${ERASED_NAME} or mail ${ERASED_NAME}; not Ada Lovelaces`);
    expect(scrubbed["title"]).toBe("Ada Lovelace's plan");
    expect(scrubbed).not.toHaveProperty("etag");
  });

  test("a name mention alone is found in free text, not in other fields", () => {
    expect(decideUsual(row({ authorId: "bob", text: "Thanks Ada Lovelace" }), context, "scrub")).not.toBe("keep");
    expect(decideUsual(row({ ownerName: "Ada Lovelace", ownerId: "another-ada" }), context, "delete")).toBe("keep");
  });
});

describe("erasure matches whole values only", () => {
  const longer = `${PERSON}1`;
  const shorter = PERSON.slice(0, -1);

  test("an id that extends or prefixes the person's is not theirs", () => {
    for (const id of [longer, shorter, `x${PERSON}`]) {
      expect(decideUsual(row({ partitionKey: `t1|${id}`, rowKey: "g|goal-1", ownerId: id, approverId: id, keyResults: JSON.stringify([{ by: id }]) }), context, "scrub"), id).toBe("keep");
      expect(decideUsual(row({ actorId: id, comment: `Mentions ${PERSON} inside a sentence`, changes: JSON.stringify({ approverId: { from: id, to: "boss" } }) }), context, "delete"), id).toBe("keep");
    }
  });

  test("only the exact values change; a longer id beside them keeps every byte", () => {
    const changes = JSON.stringify({ approverId: { from: PERSON, to: longer }, note: `${PERSON} and more` });
    const decision = decideUsual(row({ actorId: "bob", approverId: PERSON, ownerId: longer, changes }), context, "scrub");
    expect(decision).toEqual({
      replace: expect.objectContaining({ approverId: ERASED_PERSON_ID, ownerId: longer, changes: JSON.stringify({ approverId: { from: ERASED_PERSON_ID, to: longer }, note: `${PERSON} and more` }) }),
    });
  });

  test("a name is matched as whole words, never inside a longer name or mail", () => {
    expect(decideUsual(row({ authorId: "bob", text: "Ask Ada Lovelaces or mail bada@contoso.example or ada@contoso.examples" }), context, "scrub")).toBe("keep");
  });
});
