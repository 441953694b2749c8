/** What a test file tried and what got through, added to the suite's one line of counts. */
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";

export function recordCounts(counts: Record<string, number>): void {
  writeFileSync(join(inject("adversarialCountsDir"), `${randomUUID()}.json`), JSON.stringify(counts));
}
