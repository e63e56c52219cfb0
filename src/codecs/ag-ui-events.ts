import type { AgentEvent } from "./types";

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

type MappedType = (typeof AG_UI_MAPPED_EVENTS)[number];
type EventOf<T extends AgentEvent["type"]> = Extract<AgentEvent, { type: T }>;
type AgUiEvent = Record<string, unknown>;

/** An AG-UI event that lacks a field its type requires; decoding turns it into an error event. */
export class MalformedEvent extends Error {}

function malformed(type: string, field: string): never {
  throw new MalformedEvent(`AG-UI ${type} event without a valid ${field}`);
}

function requireString(event: AgUiEvent, field: string): string {
  const value = event[field];
  if (typeof value !== "string") malformed(String(event.type), field);
  return value;
}

function optionalString(event: AgUiEvent, field: string): string | undefined {
  const value = event[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") malformed(String(event.type), field);
  return value;
}

/** `target` with those of `values` that are defined (keeps events free of `undefined` keys). */
function withOptional<T extends object>(target: T, values: Partial<T>): T {
  const defined = Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined),
  );
  return { ...target, ...defined };
}

function textMessageChunk(event: AgUiEvent): AgentEvent[] {
  const delta = optionalString(event, "delta");
  if (delta === undefined || delta === "") return [];
  return [
    withOptional<EventOf<"text-delta">>(
      { type: "text-delta", delta },
      { messageId: optionalString(event, "messageId") },
    ),
  ];
}

/** How each mapped AG-UI event becomes agent events; see docs/codecs.md for the table. */
const MAPPERS = {
  RUN_STARTED: (event) => [
    withOptional<EventOf<"run-started">>(
      { type: "run-started" },
      { runId: optionalString(event, "runId"), threadId: optionalString(event, "threadId") },
    ),
  ],
  RUN_FINISHED: (event) => [
    withOptional<EventOf<"run-finished">>(
      { type: "run-finished" },
      { runId: optionalString(event, "runId") },
    ),
  ],
  RUN_ERROR: (event) => {
    const code = optionalString(event, "code");
    const message = optionalString(event, "message");
    return [
      withOptional<EventOf<"error">>(
        { type: "error", message: message || "The agent run failed", fatal: true },
        { code },
      ),
    ];
  },
  TEXT_MESSAGE_START: (event) => {
    const messageId = requireString(event, "messageId");
    const role = optionalString(event, "role");
    return [
      withOptional<EventOf<"message-start">>(
        { type: "message-start", messageId },
        { role: role === undefined || role === "assistant" ? "assistant" : undefined },
      ),
    ];
  },
  TEXT_MESSAGE_CONTENT: (event) => [
    {
      type: "text-delta",
      messageId: requireString(event, "messageId"),
      delta: requireString(event, "delta"),
    },
  ],
  TEXT_MESSAGE_END: (event) => [
    { type: "message-end", messageId: requireString(event, "messageId") },
  ],
  TEXT_MESSAGE_CHUNK: textMessageChunk,
  TOOL_CALL_START: (event) => [
    withOptional<EventOf<"tool-call-start">>(
      {
        type: "tool-call-start",
        toolCallId: requireString(event, "toolCallId"),
        name: requireString(event, "toolCallName"),
      },
      { parentMessageId: optionalString(event, "parentMessageId") },
    ),
  ],
  TOOL_CALL_ARGS: (event) => [
    {
      type: "tool-call-args",
      toolCallId: requireString(event, "toolCallId"),
      delta: requireString(event, "delta"),
    },
  ],
  TOOL_CALL_END: (event) => [
    { type: "tool-call-end", toolCallId: requireString(event, "toolCallId") },
  ],
  TOOL_CALL_RESULT: (event) => [
    withOptional<EventOf<"tool-call-result">>(
      {
        type: "tool-call-result",
        toolCallId: requireString(event, "toolCallId"),
        content: requireString(event, "content"),
      },
      { messageId: optionalString(event, "messageId") },
    ),
  ],
  STATE_SNAPSHOT: (event) => {
    if (!("snapshot" in event)) malformed("STATE_SNAPSHOT", "snapshot");
    return [{ type: "state-snapshot", snapshot: event.snapshot }];
  },
  STATE_DELTA: (event) => {
    if (!Array.isArray(event.delta)) malformed("STATE_DELTA", "delta (a JSON Patch array)");
    return [{ type: "state-delta", delta: event.delta }];
  },
  CUSTOM: (event) => [{ type: "custom", name: requireString(event, "name"), value: event.value }],
} satisfies Record<MappedType, (event: AgUiEvent) => AgentEvent[]>;

function isMappedType(type: string): type is MappedType {
  return AG_UI_MAPPED_EVENTS.some((mapped) => mapped === type);
}

/**
 * The agent events of one AG-UI event. Types this codec does not map (STEP_*, TOOL_CALL_CHUNK,
 * RAW, THINKING_*, REASONING_*, ACTIVITY_* and future ones) become `custom` events named after
 * their type; `MESSAGES_SNAPSHOT` carries just its messages.
 *
 * @throws {MalformedEvent} for an event without a string `type` or a required field.
 */
export function mapAgUiEvent(event: AgUiEvent): AgentEvent[] {
  const type = event.type;
  if (typeof type !== "string") throw new MalformedEvent("AG-UI event without a string type");
  if (isMappedType(type)) return MAPPERS[type](event);
  if (type === "MESSAGES_SNAPSHOT") return [{ type: "custom", name: type, value: event.messages }];
  return [{ type: "custom", name: type, value: event }];
}
