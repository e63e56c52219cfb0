import { invalidOption, isRecord } from "../core/option-checks";
import { MalformedEvent, mapAgUiEvent } from "./ag-ui-events";
import { frameToText } from "./frame-text";
import type { AgentEvent, Codec, EncodeContext, IncomingFrame } from "./types";

export { AG_UI_MAPPED_EVENTS } from "./ag-ui-events";

function decodeJson(text: string): AgentEvent[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [
      { type: "error", message: "An AG-UI frame was not valid JSON", code: "malformed-frame" },
    ];
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  const events: AgentEvent[] = [];
  for (const item of items) {
    if (!isRecord(item)) {
      events.push({
        type: "error",
        message: "An AG-UI frame held something other than an event object",
        code: "malformed-event",
      });
      continue;
    }
    try {
      events.push(...mapAgUiEvent(item));
    } catch (error) {
      const message =
        error instanceof MalformedEvent ? error.message : "An AG-UI event could not be read";
      events.push({ type: "error", message, code: "malformed-event" });
    }
  }
  return events;
}

/** The AG-UI `RunAgentInput` this codec sends for one user message. */
export interface AgUiRunAgentInput {
  threadId: string;
  runId: string;
  state: Record<string, never>;
  messages: Array<{ id: string; role: "user"; content: string }>;
  tools: never[];
  context: never[];
  forwardedProps: Record<string, never>;
}

/** The `RunAgentInput` for one message: thread = the session, run and message ids from the outbox id. */
export function toRunAgentInput(message: string, context: EncodeContext): AgUiRunAgentInput {
  return {
    threadId: context.sessionId,
    runId: `run-${context.messageId}`,
    state: {},
    messages: [{ id: context.messageId, role: "user", content: message }],
    tools: [],
    context: [],
    forwardedProps: {},
  };
}

/**
 * A codec for agents that speak the AG-UI event protocol (which AgentCore Runtime hosts).
 * Sends each message as a `RunAgentInput` whose `threadId` is the runtime session id; reads
 * one AG-UI event (or a JSON array of events) per frame. AG-UI defines no message that
 * cancels a run from the client (a run ends when its transport closes), so this codec has no
 * cancel frame and `stop()` closes and reopens the stream. See docs/codecs.md for the mapping.
 *
 * `encode` throws {@link AgentRuntimeValidationError} for a message that is not a string.
 */
export const agUiCodec: Codec<string> = {
  name: "ag-ui",
  encode(message: string, context: EncodeContext): string {
    if (typeof message !== "string") throw invalidOption("agUiCodec message", "a string", message);
    return JSON.stringify(toRunAgentInput(message, context));
  },
  decode(frame: IncomingFrame): AgentEvent[] {
    let text: string;
    try {
      text = frameToText(frame);
    } catch {
      return [
        {
          type: "error",
          message: "An AG-UI frame could not be read as text",
          code: "malformed-frame",
        },
      ];
    }
    return decodeJson(text);
  },
};
