import { invalidOption, isRecord } from "../core/option-checks";
import { frameToText } from "./frame-text";
import type { AgentEvent, Codec, IncomingFrame } from "./types";

/** Fields that carry answer text, in the order they are looked at. */
export const TEXT_FIELDS = ["text", "delta", "content", "chunk", "data"] as const;
/** `type` (or `event`) values that end the answer. */
export const END_MARKERS = ["done", "end", "complete"] as const;

function errorEvent(value: Record<string, unknown>): AgentEvent {
  const { error } = value;
  const nested = isRecord(error) ? error : undefined;
  const message = typeof error === "string" ? error : (nested ?? value).message;
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
  if (value.type === "error") return true;
  return value.error !== undefined && value.error !== null && value.error !== false;
}

function isEnd(value: Record<string, unknown>): boolean {
  if (value.done === true) return true;
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

function decodeObject(value: Record<string, unknown>): AgentEvent[] {
  if (isError(value)) return [errorEvent(value)];
  const events: AgentEvent[] = [];
  const text = answerText(value);
  if (text !== undefined && text !== "") events.push({ type: "text-delta", delta: text });
  if (isEnd(value)) events.push({ type: "message-end" });
  if (text === undefined && events.length === 0) return [{ type: "custom", name: "json", value }];
  return events;
}

function decodeText(text: string): AgentEvent[] {
  if (text === "") return [];
  const first = text.trimStart()[0];
  if (first === "{" || first === '"') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON after all: text that happens to start with a brace or a quote.
      return [{ type: "text-delta", delta: text }];
    }
    if (typeof parsed === "string")
      return parsed === "" ? [] : [{ type: "text-delta", delta: parsed }];
    if (isRecord(parsed)) return decodeObject(parsed);
  }
  return [{ type: "text-delta", delta: text }];
}

/**
 * The default codec, for agents that speak plain text or simple JSON (the shape the
 * AgentCore samples use). Sends `{"inputText": message}`. Receives:
 * - plain text frames (and binary frames, decoded as UTF-8) as `text-delta`;
 * - a JSON string (`"..."`) as `text-delta` of its value;
 * - a JSON object: an `error` (or `type: "error"`) becomes a fatal `error` event; else the
 *   first string among `text`, `delta`, `content`, `chunk`, `data` becomes `text-delta`, and
 *   `done: true` or `type`/`event` of `done`/`end`/`complete` adds `message-end`; an object
 *   with none of these becomes `custom` (`name: "json"`).
 *
 * It has no cancel frame (so `stop()` closes and reopens the stream) and no heartbeat frame.
 * `encode` throws {@link AgentRuntimeValidationError} for a message that is not a string.
 */
export const textCodec: Codec<string> = {
  name: "text",
  encode(message: string): string {
    if (typeof message !== "string") throw invalidOption("textCodec message", "a string", message);
    return JSON.stringify({ inputText: message });
  },
  decode(frame: IncomingFrame): AgentEvent[] {
    try {
      return decodeText(frameToText(frame));
    } catch {
      return [
        {
          type: "error",
          message: "The text codec could not read a frame",
          code: "malformed-frame",
        },
      ];
    }
  },
};
