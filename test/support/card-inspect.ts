/** Reading Adaptive Cards in tests: find an Action.Execute by verb (also inside show-cards), and
 * the data Teams would send when it is pressed, with the card's inputs merged in. */

type Json = Record<string, any>;

function walk(node: unknown, visit: (node: Json) => void): void {
  if (Array.isArray(node)) return node.forEach((item) => walk(item, visit));
  if (typeof node !== "object" || node === null) return;
  visit(node as Json);
  for (const [key, value] of Object.entries(node)) if (key !== "fallback") walk(value, visit);
}

export function findExecuteAction(card: unknown, verb: string): Json | undefined {
  let found: Json | undefined;
  walk({ body: (card as Json)?.body, actions: (card as Json)?.actions }, (node) => {
    if (!found && node.type === "Action.Execute" && node.verb === verb) found = node;
  });
  return found;
}

export function hasDecisionButtons(card: unknown): boolean {
  return findExecuteAction(card, "goal.approve") !== undefined;
}

/** Every TextBlock and fact of the card, for assertions on what a person reads. */
export function readCardText(card: unknown): string {
  const parts: string[] = [];
  walk(card, (node) => {
    if (node.type === "TextBlock" && typeof node.text === "string") parts.push(node.text);
    if (typeof node.title === "string" && typeof node.value === "string") parts.push(`${node.title}: ${node.value}`);
  });
  return parts.join("\n");
}

/** The data an Action.Execute sends: its own data plus the values of the inputs it carries. */
export function buildActionData(card: unknown, verb: string, inputs: Record<string, string> = {}): Record<string, unknown> {
  const action = findExecuteAction(card, verb);
  if (!action) throw new Error(`The card has no ${verb} action`);
  return { ...action.data, ...inputs };
}
