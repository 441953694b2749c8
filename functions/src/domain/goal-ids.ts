/** Goal ids that name where the goal was created. A goal lives in its owner's partition, so a read by
 * id must know the owner; an id that carries the creating owner lets the store read that partition
 * straight away, and only a goal that has since changed owner (or is gone) costs a look-up first.
 *
 * Two forms, both within the API's id rule (a letter first, then letters, digits, ".", "_", "-"; at
 * most 64 characters):
 *   "o" + the owner's object id (a lower-case GUID) as 16 bytes in base64url + "." + 16 random bytes
 *   "p" + any other owner id of at most 30 bytes (UTF-8) in base64url + "." + 16 random bytes
 * The random part is a fresh id from the generator (a UUID, packed into its 16 bytes). Owners that fit
 * neither form, and generators that do not hand out UUIDs, get the generator's id as it is: such ids,
 * like every id made before this form, name no owner and are found through the goal-by-id pointer.
 * The id tells no more than the goal does to whoever may read it: who created it. */
import type { IdGenerator } from "./ports.js";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ANY_GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const MAX_OWNER_BYTES = 30;
const NAMED = /^([op])([A-Za-z0-9_-]{1,40})\.([A-Za-z0-9_-]{22})$/;

const guidToBytes = (guid: string) => Buffer.from(guid.replace(/-/g, ""), "hex");

function bytesToGuid(bytes: Buffer): string {
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The owner part of a new id, or null when the owner id fits no form. */
function encodeOwner(ownerId: string): string | null {
  if (GUID.test(ownerId)) return `o${guidToBytes(ownerId).toString("base64url")}`;
  const bytes = Buffer.from(ownerId, "utf8");
  if (bytes.length === 0 || bytes.length > MAX_OWNER_BYTES) return null;
  return `p${bytes.toString("base64url")}`;
}

/** A new goal's id, naming the owner it is created for. */
export function newGoalId(ownerId: string, ids: IdGenerator): string {
  const fresh = ids.newId();
  const owner = encodeOwner(ownerId);
  if (!owner || !ANY_GUID.test(fresh)) return fresh;
  return `${owner}.${guidToBytes(fresh).toString("base64url")}`;
}

/** The owner a goal id names (where the goal was created), or null for an id that names none. Only
 * ids this module makes decode: anything else, however it looks, answers null. */
export function ownerNamedBy(goalId: string): string | null {
  const match = NAMED.exec(goalId);
  if (!match) return null;
  const [, form, encoded] = match as unknown as [string, string, string];
  const bytes = Buffer.from(encoded, "base64url");
  const ownerId = form === "o" ? (bytes.length === 16 ? bytesToGuid(bytes) : null) : bytes.toString("utf8");
  return ownerId !== null && encodeOwner(ownerId) === `${form}${encoded}` ? ownerId : null;
}
