import { isRecord } from "../core/option-checks";
import { readSources } from "./sources";
import type { AgentEvent } from "./types";

/** Fields that carry answer text, in the order they are looked at. */
export const TEXT_FIELDS = ["text", "delta", "content", "chunk", "data"] as const;
/**
 * `type` (or `event`) values that end the answer. `stream_complete` is what the AgentCore
 * Python SDK's WebSocket sample sends after its `stream_chunk` frames.
 */
export const END_MARKERS = ["done", "end", "complete", "stream_complete"] as const;

/** What a stream has shown so far, for the shapes whose meaning depends on it. */
export interface TextStreamMemory {
  /** Strands agent events arrived: their final `{"result": ...}` repeats the answer and ends it. */
  strands: boolean;
  /** Strands' raw model chunks carry the text, so its `{"data", "delta"}` events repeat it. */
  modelChunks: boolean;
}

/** A memory for a new stream (or for one frame read on its own). */
export function newTextStreamMemory(): TextStreamMemory {
  return { strands: false, modelChunks: false };
}

function errorEvent(value: Record<string, unknown>): AgentEvent {
  const { error } = value;
  const nested = isRecord(error) ? error : undefined;
  const stopReason = value.force_stop === true ? value.force_stop_reason : undefined;
  const message = typeof error === "string" ? error : ((nested ?? value).message ?? stopReason);
  const code = nested?.code ?? value.code;
  const event: AgentEvent = {
    type: "error",
    message: (typeof message === "string" && message) || "The agent reported an error",
    fatal: true,
  };
  if (typeof code === "string" && code !== "") event.code = code;
  return event;
}

function isError(value: Record<string, unknown>): boolean {
  if (value.type === "error" || value.force_stop === true) return true;
  return value.error !== undefined && value.error !== null && value.error !== false;
}

function isEnd(value: Record<string, unknown>): boolean {
  if (value.done === true || value.complete === true) return true;
  const marker = (candidate: unknown): boolean =>
    END_MARKERS.some((endMarker) => endMarker === candidate);
  return marker(value.type) || marker(value.event);
}

/** The first string among the {@link TEXT_FIELDS}, if any. */
function answerText(value: Record<string, unknown>): string | undefined {
  for (const name of TEXT_FIELDS) {
    const text = value[name];
    if (typeof text === "string") return text;
  }
  return undefined;
}

/** Strands' text event: `{"data": text, "delta": {"text": text}, ...}`. */
function isStrandsText(value: Record<string, unknown>): boolean {
  return typeof value.data === "string" && isRecord(value.delta);
}

/**
 * A Bedrock model stream event that Strands forwards as `{"event": chunk}`: the text of a
 * `contentBlockDelta` (its reasoning and tool-input deltas are `custom`), and the end of the
 * answer at a `messageStop`, unless the model stopped to call a tool (the answer goes on).
 * `undefined` for any other `event` (Strands' other chunks are `custom` like any object).
 */
function modelChunkEvents(
  value: Record<string, unknown>,
  chunk: Record<string, unknown>,
  memory: TextStreamMemory,
): AgentEvent[] | undefined {
  const { contentBlockDelta, messageStop } = chunk;
  const delta = isRecord(contentBlockDelta) ? contentBlockDelta.delta : undefined;
  if (!isRecord(delta) && !isRecord(messageStop)) return undefined;
  memory.strands = true;
  if (isRecord(delta) && typeof delta.text === "string") {
    memory.modelChunks = true;
    return delta.text === "" ? [] : [{ type: "text-delta", delta: delta.text }];
  }
  if (isRecord(messageStop) && messageStop.stopReason !== "tool_use")
    return [{ type: "message-end" }];
  return [{ type: "custom", name: "json", value }];
}

/** `text`, `delta`, `content`, `chunk` or `data` as text, `sources`, and the end markers. */
function genericEvents(value: Record<string, unknown>): AgentEvent[] {
  const events: AgentEvent[] = [];
  const text = answerText(value);
  const sources = readSources(value.sources);
  if (text !== undefined && text !== "") events.push({ type: "text-delta", delta: text });
  if (sources.length > 0) events.push({ type: "sources", sources });
  if (isEnd(value)) events.push({ type: "message-end" });
  if (text === undefined && events.length === 0) return [{ type: "custom", name: "json", value }];
  return events;
}

/** Payload as text: a string as it is, anything else as JSON. */
export function asText(value: unknown): string {
  return typeof value === "string" ? value : (JSON.stringify(value) ?? "");
}

/**
 * `{"type": "tool_call", "toolCallId", "name", "args"}`: a whole tool call;
 * `{"type": "tool_result", "toolCallId", "content"}`: its result. `undefined` for other objects.
 */
function toolEvents(value: Record<string, unknown>): AgentEvent[] | undefined {
  const { type, toolCallId, name } = value;
  if (typeof toolCallId !== "string") return undefined;
  if (type === "tool_result") {
    return [{ type: "tool-call-result", toolCallId, content: asText(value.content) }];
  }
  if (type !== "tool_call" || typeof name !== "string") return undefined;
  const events: AgentEvent[] = [{ type: "tool-call-start", toolCallId, name }];
  if (value.args !== undefined) {
    events.push({ type: "tool-call-args", toolCallId, delta: asText(value.args) });
  }
  events.push({ type: "tool-call-end", toolCallId });
  return events;
}

/** The events of one JSON object from the agent; `memory` carries what the stream showed. */
export function objectEvents(
  value: Record<string, unknown>,
  memory: TextStreamMemory,
): AgentEvent[] {
  if (isError(value)) return [errorEvent(value)];
  const tool = toolEvents(value);
  if (tool) return tool;
  if (isRecord(value.event)) {
    const events = modelChunkEvents(value, value.event, memory);
    if (events) return events;
  }
  if (isStrandsText(value) || value.init_event_loop === true) memory.strands = true;
  // The same text already came as a model chunk.
  if (isStrandsText(value) && memory.modelChunks) return [];
  const result = value.result;
  const agentResult = isRecord(result) && typeof result.stop_reason === "string";
  if (result !== undefined && (memory.strands || agentResult)) return [{ type: "message-end" }];
  return genericEvents(value);
}
