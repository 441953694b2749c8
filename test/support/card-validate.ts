/** Test helper: everything the adaptivecards parser, and the rules Teams adds on top, object to in
 * a card. Imports the adaptivecards library, so it lives with the tests, out of the cards package and the bot bundle. */
import { AdaptiveCard, SerializationContext, ValidationEvent, Versions } from "adaptivecards";
import { CARD_VERSION } from "../../cards/src/card-json.js";

/** Teams rejects bot messages above roughly 28 KB; leave room for the activity around the card. */
export const CARD_MAX_BYTES = 25_000;
const REFRESH_MAX_USERS = 60;
/** Keys the parser does not keep when it serialises a card back, though the JSON is valid:
 * Teams extensions and the fallback, which the parser consumes instead of storing. */
const PASS_THROUGH_KEYS = new Set(["$schema", "msteams", "fallback"]);
/** Free-form payloads the parser stores as-is. */
const OPAQUE_KEYS = new Set(["data"]);

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseCard(json: Json): { warnings: string[]; serialized: unknown } {
  const card = new AdaptiveCard();
  const context = new SerializationContext(Versions.v1_5);
  card.parse(json, context);
  const warnings: string[] = [];
  for (let index = 0; index < context.eventCount; index++) {
    const event = context.getEventAt(index);
    warnings.push(`${ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of card.validateProperties().validationEvents) {
    warnings.push(`${ValidationEvent[event.event]}: ${event.message}`);
  }
  return { warnings, serialized: card.toJSON() };
}

/** Properties the parser silently dropped are misspelt, unknown, or set to their default value. */
function findDroppedKeys(source: unknown, parsed: unknown, path: string, out: string[]): void {
  if (Array.isArray(source)) {
    const parsedItems = Array.isArray(parsed) ? parsed : [];
    source.forEach((item, index) => findDroppedKeys(item, parsedItems[index], `${path}[${index}]`, out));
    return;
  }
  if (!isObject(source)) return;
  const parsedObject = isObject(parsed) ? parsed : {};
  for (const [key, value] of Object.entries(source)) {
    if (PASS_THROUGH_KEYS.has(key)) continue;
    if (!(key in parsedObject)) out.push(`Dropped property (unknown or default value): ${path}.${key}`);
    else if (!OPAQUE_KEYS.has(key)) findDroppedKeys(value, parsedObject[key], `${path}.${key}`, out);
  }
}

/** Walks body and actions (not refresh, which only Universal Actions clients read). */
function collectTeamsWarnings(node: unknown, path: string, out: string[], fallbacks: Json[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => collectTeamsWarnings(item, `${path}[${index}]`, out, fallbacks));
    return;
  }
  if (!isObject(node)) return;
  if (node.type === "Action.Execute") {
    if (isObject(node.fallback)) fallbacks.push(node.fallback);
    else out.push(`Action.Execute without an Action.Submit fallback: ${path}`);
  }
  for (const [key, value] of Object.entries(node)) {
    if (key !== "refresh" && key !== "fallback" && !OPAQUE_KEYS.has(key)) {
      collectTeamsWarnings(value, `${path}.${key}`, out, fallbacks);
    }
  }
}

function collectRefreshWarnings(json: Json, out: string[]): void {
  if (json.refresh === undefined) return;
  const refresh = isObject(json.refresh) ? json.refresh : {};
  const userIds = refresh.userIds;
  if (!Array.isArray(userIds) || userIds.length === 0) out.push("refresh.userIds must list who refreshes automatically");
  else if (userIds.length > REFRESH_MAX_USERS) out.push(`refresh.userIds has more than ${REFRESH_MAX_USERS} users`);
}

/** Returns an empty list for a card that parses cleanly as Adaptive Card 1.5 and suits Teams. */
export function collectCardWarnings(json: unknown): string[] {
  if (!isObject(json) || json.type !== "AdaptiveCard") return ["Not an AdaptiveCard object"];
  const warnings: string[] = [];
  if (json.version !== CARD_VERSION) warnings.push(`Card version is ${String(json.version)}, expected ${CARD_VERSION}`);
  const parsed = parseCard(json);
  warnings.push(...parsed.warnings);
  findDroppedKeys(json, parsed.serialized, "card", warnings);
  const fallbacks: Json[] = [];
  collectTeamsWarnings({ body: json.body, actions: json.actions }, "card", warnings, fallbacks);
  for (const fallback of fallbacks) {
    const wrapper = { type: "AdaptiveCard", version: CARD_VERSION, actions: [fallback] };
    warnings.push(...collectCardWarnings(wrapper).map((warning) => `In a fallback: ${warning}`));
  }
  collectRefreshWarnings(json, warnings);
  const bytes = new TextEncoder().encode(JSON.stringify(json)).length;
  if (bytes > CARD_MAX_BYTES) warnings.push(`Card is ${bytes} bytes, above the ${CARD_MAX_BYTES} byte budget`);
  return warnings;
}
