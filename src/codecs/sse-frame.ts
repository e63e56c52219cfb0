/**
 * Reads one WebSocket frame written as Server-Sent Events text, the form AG-UI's `EventEncoder`
 * produces (`data: {...}\n\n`) and the AgentCore SDK's `AGUIApp` sends over `/ws`.
 */

/** The fields an SSE stream may carry (https://html.spec.whatwg.org/#event-stream-interpretation). */
const SSE_FIELDS = new Set(["data", "event", "id", "retry"]);

/** The `data` payloads of a frame's events, or `null` when the frame is not SSE text. */
export function sseDataPayloads(text: string): string[] | null {
  const payloads: string[] = [];
  let data: string[] = [];
  const dispatch = (): void => {
    if (data.length > 0) payloads.push(data.join("\n"));
    data = [];
  };
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line === "") {
      dispatch();
      continue;
    }
    if (line.startsWith(":")) continue; // a comment
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    if (!SSE_FIELDS.has(field)) return null;
    if (field !== "data") continue; // event, id and retry change nothing here
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    data.push(value);
  }
  // A frame holds whole events: the last one may lack its blank line.
  dispatch();
  return payloads;
}
