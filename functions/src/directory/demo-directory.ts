/** Loads the demo organisation into a directory. Idempotent: unchanged people are not rewritten. */
import type { DirectoryWriter } from "../domain/ports.js";
import { DEMO_PEOPLE } from "./demo-org.js";

export async function seedDemoDirectory(writer: DirectoryWriter, tenantId: string): Promise<void> {
  await writer.upsertPeople(tenantId, DEMO_PEOPLE);
}
