import {
  contentText,
  malformed,
  MalformedEvent,
  optionalRole,
  optionalString,
  requireArray,
  requireRecord,
  requireString,
  withOptional,
  type AgUiObject,
  type EventOf,
} from "./ag-ui-fields";
import { runFinished } from "./ag-ui-run";
import { customEvent } from "./ag-ui-sources";
import { snapshotMessages } from "./ag-ui-snapshot";
import type { AgentEvent } from "./types";

export { MalformedEvent } from "./ag-ui-fields";

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
  "TOOL_CALL_CHUNK",
  "TOOL_CALL_RESULT",
  "REASONING_MESSAGE_START",
  "REASONING_MESSAGE_CONTENT",
  "REASONING_MESSAGE_END",
  "REASONING_MESSAGE_CHUNK",
  "MESSAGES_SNAPSHOT",
  "ACTIVITY_SNAPSHOT",
  "ACTIVITY_DELTA",
  "STATE_SNAPSHOT",
  "STATE_DELTA",
  "CUSTOM",
] as const;

type MappedType = (typeof AG_UI_MAPPED_EVENTS)[number];
type Mapper = (event: AgUiObject) => AgentEvent;

const messageId = (event: AgUiObject) => requireString(event, "messageId");
const toolCallId = (event: AgUiObject) => requireString(event, "toolCallId");
const delta = (event: AgUiObject) => requireString(event, "delta");

const RUN_MAPPERS = {
  RUN_STARTED: (event) =>
    withOptional<EventOf<"run-started">>(
      { type: "run-started" },
      { runId: optionalString(event, "runId"), threadId: optionalString(event, "threadId") },
    ),
  RUN_FINISHED: runFinished,
  RUN_ERROR: (event) =>
    withOptional<EventOf<"error">>(
      { type: "error", message: optionalString(event, "message") || "The agent run failed" },
      { code: optionalString(event, "code"), fatal: true },
    ),
} satisfies Record<string, Mapper>;

const TEXT_MAPPERS = {
  TEXT_MESSAGE_START: (event) =>
    withOptional<EventOf<"message-start">>(
      { type: "message-start", messageId: messageId(event) },
      { role: optionalRole(event) ?? "assistant" },
    ),
  TEXT_MESSAGE_CONTENT: (event) => ({
    type: "text-delta",
    messageId: messageId(event),
    delta: delta(event),
  }),
  TEXT_MESSAGE_END: (event) => ({ type: "message-end", messageId: messageId(event) }),
  TEXT_MESSAGE_CHUNK: (event) =>
    withOptional<EventOf<"text-chunk">>(
      { type: "text-chunk" },
      {
        messageId: optionalString(event, "messageId"),
        role: optionalRole(event),
        delta: optionalString(event, "delta"),
      },
    ),
} satisfies Record<string, Mapper>;

const TOOL_MAPPERS = {
  TOOL_CALL_START: (event) =>
    withOptional<EventOf<"tool-call-start">>(
      {
        type: "tool-call-start",
        toolCallId: toolCallId(event),
        name: requireString(event, "toolCallName"),
      },
      { parentMessageId: optionalString(event, "parentMessageId") },
    ),
  TOOL_CALL_ARGS: (event) => ({
    type: "tool-call-args",
    toolCallId: toolCallId(event),
    delta: delta(event),
  }),
  TOOL_CALL_END: (event) => ({ type: "tool-call-end", toolCallId: toolCallId(event) }),
  TOOL_CALL_CHUNK: (event) =>
    withOptional<EventOf<"tool-call-chunk">>(
      { type: "tool-call-chunk" },
      {
        toolCallId: optionalString(event, "toolCallId"),
        name: optionalString(event, "toolCallName"),
        parentMessageId: optionalString(event, "parentMessageId"),
        delta: optionalString(event, "delta"),
      },
    ),
  TOOL_CALL_RESULT: (event) => {
    if (event.content === undefined || event.content === null)
      malformed("TOOL_CALL_RESULT", "content");
    return withOptional<EventOf<"tool-call-result">>(
      {
        type: "tool-call-result",
        toolCallId: toolCallId(event),
        content: contentText(event.content, "TOOL_CALL_RESULT"),
      },
      { messageId: optionalString(event, "messageId") },
    );
  },
} satisfies Record<string, Mapper>;

const REASONING_MAPPERS = {
  REASONING_MESSAGE_START: (event) => ({ type: "reasoning-start", messageId: messageId(event) }),
  REASONING_MESSAGE_CONTENT: (event) => ({
    type: "reasoning-delta",
    messageId: messageId(event),
    delta: delta(event),
  }),
  REASONING_MESSAGE_END: (event) => ({ type: "reasoning-end", messageId: messageId(event) }),
  REASONING_MESSAGE_CHUNK: (event) =>
    withOptional<EventOf<"reasoning-chunk">>(
      { type: "reasoning-chunk" },
      { messageId: optionalString(event, "messageId"), delta: optionalString(event, "delta") },
    ),
} satisfies Record<string, Mapper>;

const STATE_MAPPERS = {
  MESSAGES_SNAPSHOT: (event) => ({ type: "messages-snapshot", messages: snapshotMessages(event) }),
  ACTIVITY_SNAPSHOT: (event) =>
    withOptional<EventOf<"activity">>(
      {
        type: "activity",
        messageId: messageId(event),
        activityType: requireString(event, "activityType"),
        content: requireRecord(event, "content"),
      },
      { replace: typeof event.replace === "boolean" ? event.replace : undefined },
    ),
  ACTIVITY_DELTA: (event) => ({
    type: "activity-delta",
    messageId: messageId(event),
    activityType: requireString(event, "activityType"),
    patch: requireArray(event, "patch"),
  }),
  STATE_SNAPSHOT: (event) => {
    if (!("snapshot" in event)) malformed("STATE_SNAPSHOT", "snapshot");
    return { type: "state-snapshot", snapshot: event.snapshot };
  },
  STATE_DELTA: (event) => {
    if (!Array.isArray(event.delta)) malformed("STATE_DELTA", "delta (a JSON Patch array)");
    return { type: "state-delta", delta: event.delta };
  },
  CUSTOM: customEvent,
} satisfies Record<string, Mapper>;

/** How each mapped AG-UI event becomes an agent event; see docs/codecs.md for the table. */
const MAPPERS: Record<MappedType, Mapper> = {
  ...RUN_MAPPERS,
  ...TEXT_MAPPERS,
  ...TOOL_MAPPERS,
  ...REASONING_MAPPERS,
  ...STATE_MAPPERS,
};

function isMappedType(type: string): type is MappedType {
  return AG_UI_MAPPED_EVENTS.some((mapped) => mapped === type);
}

/**
 * The agent events of one AG-UI event. Types with no event of their own (STEP_*, RAW,
 * REASONING_START/END, REASONING_ENCRYPTED_VALUE, SUBAGENT_* and future ones) become `custom`
 * events named after their type, with the whole event as value.
 *
 * @throws {MalformedEvent} for an event without a string `type` or a required field.
 */
export function mapAgUiEvent(event: AgUiObject): AgentEvent[] {
  const type = event.type;
  if (typeof type !== "string") throw new MalformedEvent("AG-UI event without a string type");
  if (isMappedType(type)) return [MAPPERS[type](event)];
  return [{ type: "custom", name: type, value: event }];
}
