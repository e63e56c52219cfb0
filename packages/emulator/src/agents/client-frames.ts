import { isRecord, stringField } from "../json-record";

/** Parses JSON, or `undefined` when the text is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** True for the cancel frames the built-in agents honour: `{"type":"cancel"}` or `{"action":"cancel"}`. */
export function isCancelFrame(value: unknown): boolean {
  if (!isRecord(value)) return false;
  return value["type"] === "cancel" || value["action"] === "cancel";
}

/** The `inputText` of a `{"inputText": "..."}` frame, else `undefined`. */
export function inputTextOf(value: unknown): string | undefined {
  return stringField(value, "inputText");
}

/**
 * Counts one more answer of a session in its state under `key` (it survives reconnects) and
 * returns the new count, starting at 1.
 */
export function nextTurn(state: Record<string, unknown>, key: string): number {
  const previous = state[key];
  const turn = (typeof previous === "number" ? previous : 0) + 1;
  state[key] = turn;
  return turn;
}
