import { frameToText, isRecord } from "./frame-text";
import type { AgentEvent, Codec, EncodeContext, IncomingFrame } from "./types";

/** AG-UI event types this codec maps onto their own {@link AgentEvent}s. */
export const AG_UI_MAPPED_EVENTS = [
  "RUN_STARTED",
  "RUN_FINISHED",
  "RUN_ERROR",
  "TEXT_MESSAGE_START",
  "TEXT_MESSAGE_CONTENT",
  "TEXT_MESSAGE_END",
  "TEXT_MESSAGE_CHUNK",
  "TOOL_CALL_START",
  "TOOL_CALL_ARGS",
  "TOOL_CALL_END",
  "TOOL_CALL_RESULT",
  "STATE_SNAPSHOT",
  "STATE_DELTA",
  "CUSTOM",
] as const;

type EventOf<T extends AgentEvent["type"]> = Extract<AgentEvent, { type: T }>;

class MalformedEvent extends Error {}

function malformed(type: string, field: string): never {
  throw new MalformedEvent(`AG-UI ${type} event without a valid ${field}`);
}

function requireString(event: Record<string, unknown>, type: string, field: string): string {
  const value = event[field];
  if (typeof value !== "string") malformed(type, field);
  return value;
}

function optionalString(
  event: Record<string, unknown>,
  type: string,
  field: string,
): string | undefined {
  const value = event[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") malformed(type, field);
  return value;
}

/** Copies `value` into `target[key]` only when it is defined (keeps events free of `undefined` keys). */
function withOptional<T extends object>(target: T, values: Partial<T>): T {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
  return target;
}

function mapEvent(event: Record<string, unknown>): AgentEvent[] {
  const type = event.type;
  if (typeof type !== "string") throw new MalformedEvent("AG-UI event without a string type");
  switch (type) {
    case "RUN_STARTED":
      return [
        withOptional<EventOf<"run-started">>(
          { type: "run-started" },
          {
            runId: optionalString(event, type, "runId"),
            threadId: optionalString(event, type, "threadId"),
          },
        ),
      ];
    case "RUN_FINISHED":
      return [
        withOptional<EventOf<"run-finished">>(
          { type: "run-finished" },
          { runId: optionalString(event, type, "runId") },
        ),
      ];
    case "RUN_ERROR": {
      const code = optionalString(event, type, "code");
      const message = optionalString(event, type, "message");
      return [
        withOptional<EventOf<"error">>(
          { type: "error", message: message || "The agent run failed", fatal: true },
          { code },
        ),
      ];
    }
    case "TEXT_MESSAGE_START": {
      const messageId = requireString(event, type, "messageId");
      const role = optionalString(event, type, "role");
      return [
        withOptional<EventOf<"message-start">>(
          { type: "message-start", messageId },
          { role: role === undefined || role === "assistant" ? "assistant" : undefined },
        ),
      ];
    }
    case "TEXT_MESSAGE_CONTENT":
      return [
        {
          type: "text-delta",
          messageId: requireString(event, type, "messageId"),
          delta: requireString(event, type, "delta"),
        },
      ];
    case "TEXT_MESSAGE_END":
      return [{ type: "message-end", messageId: requireString(event, type, "messageId") }];
    case "TEXT_MESSAGE_CHUNK": {
      const delta = optionalString(event, type, "delta");
      if (delta === undefined || delta === "") return [];
      return [
        withOptional<EventOf<"text-delta">>(
          { type: "text-delta", delta },
          { messageId: optionalString(event, type, "messageId") },
        ),
      ];
    }
    case "TOOL_CALL_START":
      return [
        withOptional<EventOf<"tool-call-start">>(
          {
            type: "tool-call-start",
            toolCallId: requireString(event, type, "toolCallId"),
            name: requireString(event, type, "toolCallName"),
          },
          { parentMessageId: optionalString(event, type, "parentMessageId") },
        ),
      ];
    case "TOOL_CALL_ARGS":
      return [
        {
          type: "tool-call-args",
          toolCallId: requireString(event, type, "toolCallId"),
          delta: requireString(event, type, "delta"),
        },
      ];
    case "TOOL_CALL_END":
      return [{ type: "tool-call-end", toolCallId: requireString(event, type, "toolCallId") }];
    case "TOOL_CALL_RESULT":
      return [
        withOptional<EventOf<"tool-call-result">>(
          {
            type: "tool-call-result",
            toolCallId: requireString(event, type, "toolCallId"),
            content: requireString(event, type, "content"),
          },
          { messageId: optionalString(event, type, "messageId") },
        ),
      ];
    case "STATE_SNAPSHOT":
      if (!("snapshot" in event)) malformed(type, "snapshot");
      return [{ type: "state-snapshot", snapshot: event.snapshot }];
    case "STATE_DELTA":
      if (!Array.isArray(event.delta)) malformed(type, "delta (a JSON Patch array)");
      return [{ type: "state-delta", delta: event.delta }];
    case "CUSTOM":
      return [{ type: "custom", name: requireString(event, type, "name"), value: event.value }];
    case "MESSAGES_SNAPSHOT":
      return [{ type: "custom", name: type, value: event.messages }];
    default:
      // STEP_*, TOOL_CALL_CHUNK, RAW, THINKING_*, REASONING_*, ACTIVITY_* and future events.
      return [{ type: "custom", name: type, value: event }];
  }
}

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
      events.push(...mapEvent(item));
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
 */
export const agUiCodec: Codec<string> = {
  name: "ag-ui",
  encode(message: string, context: EncodeContext): string {
    if (typeof message !== "string") {
      throw new TypeError(
        `agUiCodec sends strings; got ${message === null ? "null" : typeof message}`,
      );
    }
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
