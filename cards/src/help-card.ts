/** Reply to "help" or to anything the bot does not understand. */
import type { AdaptiveCard, CardAction, SubmitAction } from "./card-json.js";
import { createBulletList, createCard, createHeading, createOpenUrlAction, createText } from "./elements.js";
import { BOT_COMMANDS, type BotCommand } from "./verbs.js";

export interface HelpCardInput {
  /** Deep link to the tab; omitted when the bot has none to offer. */
  appUrl?: string | null;
}

/** imBack posts the command as if the user typed it, so the bot handles both the same way. */
function createCommandButton(title: string, command: BotCommand): SubmitAction {
  return { type: "Action.Submit", title, data: { msteams: { type: "imBack", value: command } } };
}

export function buildHelpCard(input: HelpCardInput = {}): AdaptiveCard {
  const body = [
    createHeading("What I can do"),
    createText("Type one of these, or press a button:"),
    createBulletList([
      `**${BOT_COMMANDS.myGoals}**: your goals and how far along they are`,
      `**${BOT_COMMANDS.pendingApprovals}**: goals waiting for your approval`,
      `**${BOT_COMMANDS.help}**: this list`,
    ]),
    createText("I also send you goals to approve, a weekly check-in reminder, and news about your goals.", {
      isSubtle: true,
    }),
  ];
  const actions: CardAction[] = [
    createCommandButton("My goals", BOT_COMMANDS.myGoals),
    createCommandButton("Pending approvals", BOT_COMMANDS.pendingApprovals),
  ];
  if (input.appUrl) actions.push(createOpenUrlAction("Open Cascade", input.appUrl));
  return createCard(body, actions);
}
