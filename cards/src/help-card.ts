/** Reply to "help" or to anything the bot does not understand. */
import type { AdaptiveCard, CardAction, SubmitAction } from "./card-json.js";
import { formatCommand } from "./commands.js";
import { createBulletList, createCard, createHeading, createOpenUrlAction, createText } from "./elements.js";
import type { CardIntl } from "./i18n/card-intl.js";
import { BOT_COMMANDS, type BotCommand } from "./verbs.js";

export interface HelpCardInput {
  /** Deep link to the tab; omitted when the bot has none to offer. */
  appUrl?: string | null;
}

/** imBack posts the command as if the user typed it, in their language, so the bot handles both the same way. */
function createCommandButton(title: string, command: string): SubmitAction {
  return { type: "Action.Submit", title, data: { msteams: { type: "imBack", value: command } } };
}

export function buildHelpCard(input: HelpCardInput, intl: CardIntl): AdaptiveCard {
  const command = (name: BotCommand) => formatCommand(intl, name);
  const body = [
    createHeading(intl.t("help.heading")),
    createText(intl.t("help.intro")),
    createBulletList([
      intl.t("help.myGoals", { command: command(BOT_COMMANDS.myGoals) }),
      intl.t("help.pendingApprovals", { command: command(BOT_COMMANDS.pendingApprovals) }),
      intl.t("help.help", { command: command(BOT_COMMANDS.help) }),
    ]),
    createText(intl.t("help.footer"), { isSubtle: true }),
  ];
  const actions: CardAction[] = [
    createCommandButton(intl.t("help.button.myGoals"), command(BOT_COMMANDS.myGoals)),
    createCommandButton(intl.t("help.button.pendingApprovals"), command(BOT_COMMANDS.pendingApprovals)),
  ];
  if (input.appUrl) actions.push(createOpenUrlAction(intl.t("common.openCascade"), input.appUrl));
  return createCard(body, actions);
}
