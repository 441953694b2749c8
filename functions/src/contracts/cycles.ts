/** Cycles on the wire: the body an admin creates one with, and a cycle as the API lists it. */
import { z } from "zod";
import { idSchema, isoDate } from "./common.js";
import { CYCLE_NAME_MAX } from "./limits.js";

export const cycleSchema = z
  .strictObject({ id: idSchema.optional(), name: z.string().trim().min(1, "Required.").max(CYCLE_NAME_MAX), startDate: isoDate, endDate: isoDate })
  .refine((c) => c.startDate <= c.endDate, { message: "The cycle must end after it starts.", path: ["endDate"] });

export type CycleInput = z.input<typeof cycleSchema>;

export interface CycleView {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  status: "open" | "closed";
  isCurrent: boolean;
  /** The cycle has ended, or an admin opened its close-out: owners score and reflect on their goals. */
  isCloseOutOpen: boolean;
}
