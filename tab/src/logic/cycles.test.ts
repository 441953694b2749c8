import { describe, expect, it } from "vitest";
import { english } from "../../../test/support/tab-translator.js";
import { buildCycle } from "../../../test/support/tab-builders.js";
import { describeCycleOption, pickCycle, pickDefaultCycle } from "./cycles.js";

describe("cycles", () => {
  it("picks the current cycle, else the latest open, else the latest", () => {
    const q2 = buildCycle({ id: "q2", startDate: "2027-04-01", status: "closed", isCurrent: false });
    const q3 = buildCycle({ id: "q3", startDate: "2027-07-01", isCurrent: false });
    const q4 = buildCycle({ id: "q4", startDate: "2027-10-01", isCurrent: false, status: "closed" });
    expect(pickDefaultCycle([q2, { ...q3, isCurrent: true }, q4])?.id).toBe("q3");
    expect(pickDefaultCycle([q2, q3, q4])?.id).toBe("q3");
    expect(pickDefaultCycle([q2, q4])?.id).toBe("q4");
    expect(pickDefaultCycle([])).toBeNull();
  });

  it("keeps the picked cycle while it is listed, and falls back to the default", () => {
    const q2 = buildCycle({ id: "q2", startDate: "2027-04-01", status: "closed", isCurrent: false });
    const q3 = buildCycle({ id: "q3", startDate: "2027-07-01" });
    expect(pickCycle([q2, q3], "q2")?.id).toBe("q2");
    expect(pickCycle([q2, q3], "gone")?.id).toBe("q3");
    expect(pickCycle([q2, q3], null)?.id).toBe("q3");
    expect(pickCycle([], "q2")).toBeNull();
  });

  it("marks current and closed cycles in the picker", () => {
    expect(describeCycleOption(buildCycle({ name: "Q3" }), english)).toBe("Q3 (current)");
    expect(describeCycleOption(buildCycle({ name: "Q2", isCurrent: false, status: "closed" }), english)).toBe("Q2 (closed)");
    expect(describeCycleOption(buildCycle({ name: "Q4", isCurrent: false }), english)).toBe("Q4");
  });
});
