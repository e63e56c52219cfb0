import fc from "fast-check";
import { AG_UI_MAPPED_EVENTS } from "../../src/codecs/ag-ui-events";
import type { AgentEvent } from "../../src/codecs/types";
import { utf16String } from "../support/signing-arbitraries";

const optionalString = (value: unknown) => value === undefined || typeof value === "string";

/** Why `event` is not a well-formed {@link AgentEvent}, or `null` when it is one. */
const RUN_OUTCOMES = ["success", "interrupt", "cancelled"];
const ROLES = ["assistant", "user", "system", "developer"];

function optionalRole(value: unknown): boolean {
  return value === undefined || ROLES.includes(String(value));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A source as codecs emit it: an absolute http(s) URL, and text fields that are strings. */
function isSource(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.url === "string" &&
    /^https?:\/\//.test(value.url) &&
    optionalString(value.id) &&
    optionalString(value.title) &&
    optionalString(value.snippet)
  );
}

function isInterrupt(value: unknown): boolean {
  return isObject(value) && typeof value.id === "string" && typeof value.reason === "string";
}

export function agentEventProblem(event: unknown): string | null {
  if (typeof event !== "object" || event === null) return "not an object";
  const e = event as Record<string, unknown>;
  // Optional fields are left out, not set to undefined (`custom.value` is `unknown`: any value).
  const keys = Object.keys(e).filter((key) => !(e.type === "custom" && key === "value"));
  if (keys.some((key) => e[key] === undefined)) return `${String(e.type)}: a key holds undefined`;
  const ok = (() => {
    switch (e.type) {
      case "run-started":
        return optionalString(e.runId) && optionalString(e.threadId);
      case "run-finished":
        return (
          optionalString(e.runId) &&
          (e.outcome === undefined || RUN_OUTCOMES.includes(String(e.outcome))) &&
          (e.interrupts === undefined ||
            (Array.isArray(e.interrupts) && e.interrupts.every(isInterrupt)))
        );
      case "message-start":
        return optionalString(e.messageId) && optionalRole(e.role);
      case "text-chunk":
        return optionalString(e.messageId) && optionalRole(e.role) && optionalString(e.delta);
      case "tool-call-chunk":
        return (
          optionalString(e.toolCallId) &&
          optionalString(e.name) &&
          optionalString(e.parentMessageId) &&
          optionalString(e.delta)
        );
      case "reasoning-start":
      case "reasoning-end":
        return typeof e.messageId === "string";
      case "reasoning-delta":
        return typeof e.messageId === "string" && typeof e.delta === "string";
      case "reasoning-chunk":
        return optionalString(e.messageId) && optionalString(e.delta);
      case "messages-snapshot":
        return Array.isArray(e.messages) && e.messages.every(isObject);
      case "activity":
        return (
          typeof e.messageId === "string" &&
          typeof e.activityType === "string" &&
          isObject(e.content) &&
          (e.replace === undefined || typeof e.replace === "boolean")
        );
      case "activity-delta":
        return (
          typeof e.messageId === "string" &&
          typeof e.activityType === "string" &&
          Array.isArray(e.patch)
        );
      case "text-delta":
        return optionalString(e.messageId) && typeof e.delta === "string";
      case "message-end":
        return optionalString(e.messageId);
      case "tool-call-start":
        return (
          typeof e.toolCallId === "string" &&
          typeof e.name === "string" &&
          optionalString(e.parentMessageId)
        );
      case "tool-call-args":
        return typeof e.toolCallId === "string" && typeof e.delta === "string";
      case "tool-call-end":
        return typeof e.toolCallId === "string";
      case "tool-call-result":
        return (
          typeof e.toolCallId === "string" &&
          typeof e.content === "string" &&
          optionalString(e.messageId)
        );
      case "state-snapshot":
        return "snapshot" in e;
      case "state-delta":
        return Array.isArray(e.delta);
      case "error":
        return (
          typeof e.message === "string" &&
          optionalString(e.code) &&
          (e.fatal === undefined || typeof e.fatal === "boolean")
        );
      case "sources":
        return (
          optionalString(e.messageId) &&
          Array.isArray(e.sources) &&
          e.sources.length > 0 &&
          e.sources.every(isSource)
        );
      case "custom":
        return typeof e.name === "string";
      default:
        return false;
    }
  })();
  return ok ? null : `malformed ${String(e.type)} event: ${safeJson(event)}`;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 200) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Asserts every event is well formed; returns how many were errors. */
export function expectAgentEvents(events: unknown): number {
  if (!Array.isArray(events)) throw new Error(`decode returned ${safeJson(events)}, not a list`);
  let errors = 0;
  for (const event of events) {
    const problem = agentEventProblem(event);
    if (problem) throw new Error(problem);
    if ((event as AgentEvent).type === "error") errors += 1;
  }
  return errors;
}

/** Any UTF-16 string, lone surrogates and control characters included. */
export const anyString = utf16String(200);

/** Every event type the codec maps, then valid AG-UI types it passes on as custom, then an unknown one. */
const AG_UI_TYPES = [
  ...AG_UI_MAPPED_EVENTS,
  "TOOL_CALL_CHUNK",
  "MESSAGES_SNAPSHOT",
  "RAW",
  "STEP_STARTED",
  "THINKING_START",
  "SOMETHING_NEW",
] as const;

/** A JSON value that is sometimes the right type for a field and often not. */
const fieldValue = fc.oneof(
  { arbitrary: fc.string({ maxLength: 20 }), weight: 4 },
  { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 2 },
  { arbitrary: fc.constantFrom(null, "", 0, true, [], {}), weight: 1 },
);

/** Lists that look like sources: good, unsafe and malformed URLs, fields of any type. */
const sourceList = fc.array(
  fc.oneof(
    fc.record(
      {
        url: fc.oneof(fc.webUrl(), fc.constantFrom("javascript:alert(1)", "/x", ""), fieldValue),
        id: fieldValue,
        title: fieldValue,
        snippet: fieldValue,
      },
      { requiredKeys: [] },
    ),
    fieldValue,
  ),
  { maxLength: 4 },
);

/** AG-UI-looking events: known and unknown types with right, wrong and missing fields. */
export const agUiEvent = fc.record(
  {
    type: fc.oneof(
      { arbitrary: fc.constantFrom(...AG_UI_TYPES), weight: 8 },
      { arbitrary: fieldValue, weight: 1 },
    ),
    messageId: fieldValue,
    delta: fc.oneof(fieldValue, fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 })),
    role: fc.constantFrom("assistant", "user", "system", 7, null),
    toolCallId: fieldValue,
    toolCallName: fieldValue,
    parentMessageId: fieldValue,
    content: fieldValue,
    snapshot: fc.jsonValue({ maxDepth: 2 }),
    messages: fc.oneof(fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2 }), fieldValue),
    runId: fieldValue,
    threadId: fieldValue,
    name: fc.oneof(fieldValue, fc.constantFrom("sources", "citations")),
    value: fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      sourceList,
      fc.record({ sources: sourceList, messageId: fieldValue }, { requiredKeys: [] }),
    ),
    message: fieldValue,
    code: fieldValue,
  },
  { requiredKeys: [] },
);

/** Objects shaped like the text codec's input: text fields, end markers, errors, in any mix. */
export const textCodecObject = fc.record(
  {
    text: fieldValue,
    delta: fieldValue,
    content: fieldValue,
    chunk: fieldValue,
    data: fieldValue,
    done: fc.oneof(fc.boolean(), fieldValue),
    type: fc.oneof(fc.constantFrom("done", "end", "complete", "error", "delta"), fieldValue),
    event: fc.oneof(fc.constantFrom("done", "end", "complete"), fieldValue),
    error: fc.oneof(
      fc.record({ message: fieldValue, code: fieldValue }, { requiredKeys: [] }),
      fieldValue,
      fc.constantFrom(false, null),
    ),
    message: fieldValue,
    code: fieldValue,
    sources: fc.oneof(sourceList, fieldValue),
  },
  { requiredKeys: [] },
);

const utf8 = new TextEncoder();

/** A frame as a socket may deliver it: text, or the same as bytes (ArrayBuffer or a view). */
export function asBinary(text: string, shape: number): ArrayBuffer | Uint8Array {
  const bytes = utf8.encode(text);
  if (shape % 3 === 0) return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
  if (shape % 3 === 1) return bytes;
  // A view into a bigger buffer, not starting at 0.
  const padded = new Uint8Array(bytes.length + 7);
  padded.set(bytes, 3);
  return padded.subarray(3, 3 + bytes.length);
}

/** Frames built once: huge, deeply nested, and binary garbage. */
export const HUGE_FRAMES: ReadonlyArray<string | Uint8Array> = [
  "x".repeat(2 * 1024 * 1024),
  JSON.stringify({ text: "y".repeat(1024 * 1024) }),
  `[${Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ type: "TEXT_MESSAGE_CONTENT", messageId: "m", delta: String(i) })).join(",")}]`,
  `${"[".repeat(200_000)}${"]".repeat(200_000)}`,
  `${"{".repeat(100_000)}`,
  `"${"\\u0000".repeat(100_000)}"`,
  Uint8Array.from({ length: 256 * 1024 }, (_, i) => (i * 7919) % 256),
];
