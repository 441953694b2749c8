/** `messages/en.json?pseudo`: the English catalogue, pseudo-localised and compiled at build time. */
declare module "*.json?pseudo" {
  const messages: Record<string, unknown>;
  export default messages;
}
