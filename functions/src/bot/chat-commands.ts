/** Reads a typed chat message as one of the bot's commands. People type them by hand, pick them
 * from the command menu, or press a help-card button; in a team the text also carries the
 * bot's @mention, so the comparison ignores mentions, case, spacing and punctuation. */
import { BOT_COMMANDS, listCommandSpellings, type BotCommand } from "../../../cards/src/index.js";

/** Longer messages are conversation, not commands; this also bounds the work on any input. */
const MAX_COMMAND_LENGTH = 200;


/** Teams writes a mention as `<at>Name</at>`; other markup may wrap formatted text. */
const MENTION = /<at\b[^>]*>[\s\S]*?<\/at>/gi;
const TAG = /<[^>]*>/g;
const ENTITY = /&(nbsp|amp|lt|gt|quot|#39);/gi;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

export function normaliseCommandText(text: string): string {
  return text.replace(MENTION, " ").replace(TAG, " ").replace(ENTITY, " ").replace(NOT_WORD, " ").trim().toLowerCase();
}

/** Every language's spelling of every command, as people type them or pick them from the localised menu. */
const COMMANDS: ReadonlyMap<string, BotCommand> = listCommandSpellings(normaliseCommandText);

/** The command the message asks for, or null when it is not one. */
export function parseChatCommand(text: string | null | undefined): BotCommand | null {
  if (!text || text.length > MAX_COMMAND_LENGTH) return null;
  return COMMANDS.get(normaliseCommandText(text)) ?? null;
}

/** Commands whose answer shows the person's own goals or their reports': answered in the personal
 * chat only, never where other members of a team or group chat would read it. */
export function isPrivateCommand(command: BotCommand): boolean {
  return command !== BOT_COMMANDS.help;
}
