import { describe, expect, it } from "vitest";
import { english } from "../../../test/support/tab-translator.js";
import { checkSmart } from "../../../functions/src/contracts/smart.js";
import { buildCycle } from "../../../test/support/tab-builders.js";
import { createEmptyForm, toSmartDraft } from "./goal-form.js";
import { describeMissingCount, indexSmartHints, listSmartCriteria } from "./smart-criteria.js";

function checkEmptyForm() {
  const cycle = buildCycle();
  return checkSmart(toSmartDraft(createEmptyForm(cycle)), { cycle, isTopLevel: false });
}

describe("SMART checklist", () => {
  it("lists all five criteria and marks the unmet ones", () => {
    const criteria = listSmartCriteria(checkEmptyForm(), english);
    expect(criteria.map((criterion) => criterion.code)).toEqual(["specific_title", "description", "measurable_key_result", "due_date_in_cycle", "alignment"]);
    expect(criteria.filter((criterion) => criterion.isMet).map((criterion) => criterion.code)).toEqual(["due_date_in_cycle"]);
    expect(criteria[0]?.message).toMatch(/specific title/);
  });

  it("gives one hint per form field", () => {
    const hints = indexSmartHints(checkEmptyForm(), english);
    expect(Object.keys(hints).sort()).toEqual(["description", "keyResults", "parentId", "title"]);
  });

  it("counts what is missing in plain words", () => {
    expect(describeMissingCount({ ok: true, missing: [] }, english)).toBe("Ready to send for approval");
    expect(describeMissingCount(checkEmptyForm(), english)).toBe("4 things to finish before you can send it for approval");
  });
});
