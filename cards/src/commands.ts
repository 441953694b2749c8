/** The bot's typed commands in every language: a person may type them in their own words, pick them
 * from the localised command menu, or press a help-card button, and each means the same command. */
import { CATALOGUES, type MessageId } from "./i18n/catalogues.js";
import type { CardIntl } from "./i18n/card-intl.js";
import { BOT_COMMANDS, type BotCommand } from "./verbs.js";

const COMMAND_MESSAGES: Record<BotCommand, MessageId> = {
  [BOT_COMMANDS.myGoals]: "command.myGoals",
  [BOT_COMMANDS.pendingApprovals]: "command.pendingApprovals",
  [BOT_COMMANDS.help]: "command.help",
};

/** The command as a person types it in the reader's language. */
export function formatCommand(intl: CardIntl, command: BotCommand): string {
  return intl.t(COMMAND_MESSAGES[command]);
}

/** Every spelling of every command, English included, as `normalise` leaves it, mapped to the command. */
export function listCommandSpellings(normalise: (text: string) => string): Map<string, BotCommand> {
  const spellings = new Map<string, BotCommand>();
  for (const [command, id] of Object.entries(COMMAND_MESSAGES) as Array<[BotCommand, MessageId]>) {
    spellings.set(normalise(command), command);
    for (const catalogue of Object.values(CATALOGUES)) {
      const spelling = catalogue[id];
      if (spelling) spellings.set(normalise(spelling), command);
    }
  }
  return spellings;
}
