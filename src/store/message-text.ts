/** The text shown for a user message by default: the string itself, otherwise its JSON. */
export function defaultMessageText(message: unknown): string {
  if (typeof message === "string") return message;
  return JSON.stringify(message) ?? String(message);
}
