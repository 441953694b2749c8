/** Building blocks every part of the API shares: ids, dates, quantities, people and lists. */
import { z } from "zod";
import { QUANTITY_LIMIT } from "./limits.js";

export const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, "Not a valid id.");
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2027-03-31.")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "Not a real date.");

/** A key result's number: the one range every input path (API, cards) accepts. */
export const finiteQuantity = z.number().finite().min(-QUANTITY_LIMIT).max(QUANTITY_LIMIT);

export type Visibility = "public" | "private";
export type Confidence = "on_track" | "at_risk" | "off_track";
export const CONFIDENCES = ["on_track", "at_risk", "off_track"] as const satisfies readonly Confidence[];

export { isValidTimeZone } from "./time-zones.js";

export interface PersonSummary {
  id: string;
  displayName: string;
  jobTitle: string | null;
}

export interface ItemList<T> {
  items: T[];
}

export interface Page<T> {
  items: T[];
  /** Opaque; absent on the last page. */
  nextCursor: string | null;
}
