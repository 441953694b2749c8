/** Kudos and comments on the wire: the bodies that give them and how they read back, with names. */
import { z } from "zod";
import type { GoalStatus } from "./goal-states.js";
import { COMMENT_MAX, KUDOS_MESSAGE_MAX } from "./limits.js";

export const kudosSchema = z.strictObject({ message: z.string().trim().min(1, "Required.").max(KUDOS_MESSAGE_MAX, `At most ${KUDOS_MESSAGE_MAX} characters.`) });

export const commentSchema = z.strictObject({ text: z.string().trim().min(1, "Required.").max(COMMENT_MAX, `At most ${COMMENT_MAX} characters.`) });

/** Kudos are for goals under way or finished. */
export const THANKABLE: ReadonlySet<GoalStatus> = new Set(["active", "completed", "missed"]);

export interface Kudos {
  id: string;
  goalId: string;
  fromId: string;
  toId: string;
  message: string;
  at: string;
}

export interface GoalComment {
  id: string;
  goalId: string;
  authorId: string;
  text: string;
  at: string;
}

/** Someone no longer in the directory is named null: their words stay, their name goes. */
export interface NamedKudos extends Kudos {
  fromName: string | null;
  toName: string | null;
}

export interface NamedComment extends GoalComment {
  authorName: string | null;
}
