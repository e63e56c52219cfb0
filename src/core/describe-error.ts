import { thrownText } from "./errors";

/** A one-line description of anything thrown, for error messages. Never throws. */
export function describeError(error: unknown): string {
  return sanitizeForMessage(thrownText(error), 500);
}

/** Text from an untrusted source made safe for an error message: one line, bounded length. */
export function sanitizeForMessage(text: string, maxLength = 200): string {
  // eslint-disable-next-line no-control-regex
  const oneLine = text.replace(/[\x00-\x1f\x7f]+/g, " ").trim();
  return oneLine.length > maxLength ? `${oneLine.slice(0, maxLength)}…` : oneLine;
}
