/** Action.Execute verbs, shared by the bot (which handles them) and the tab (which replays them
 * from its chat panel). A verb names what the button does; the data names which goal. */
export const VERBS = {
  approve: "goal.approve",
  requestChanges: "goal.requestChanges",
  reject: "goal.reject",
  refresh: "goal.refresh",
  submitCheckIn: "checkin.submit",
  sendKudos: "kudos.send",
  submitCloseOut: "closeout.submit",
  refreshCloseOut: "closeout.refresh",
  carryOver: "closeout.carryOver",
} as const;

export type Verb = (typeof VERBS)[keyof typeof VERBS];

const ALL_VERBS: ReadonlySet<string> = new Set(Object.values(VERBS));

export function isVerb(value: unknown): value is Verb {
  return typeof value === "string" && ALL_VERBS.has(value);
}

/** Key that carries the verb in the data of the Action.Submit fallback, because a plain
 * message activity has no verb of its own. */
export const SUBMIT_VERB_KEY = "verb";

/** Reads the verb from the value of a message activity sent by an Action.Submit fallback. */
export function readSubmitVerb(value: unknown): Verb | null {
  if (typeof value !== "object" || value === null) return null;
  const verb = (value as Record<string, unknown>)[SUBMIT_VERB_KEY];
  return isVerb(verb) ? verb : null;
}

/** Text commands the bot understands in chat; the help card sends them back as typed messages. */
export const BOT_COMMANDS = {
  myGoals: "my goals",
  pendingApprovals: "pending approvals",
  help: "help",
} as const;

export type BotCommand = (typeof BOT_COMMANDS)[keyof typeof BOT_COMMANDS];
