import {
  isMessageWithAttachments,
  plainReferences,
  type ChatInput,
} from "../core/attachment-reference";
import { invalidOption, isRecord } from "../core/option-checks";
import { frameToText } from "./frame-text";
import { newTextStreamMemory, objectEvents, type TextStreamMemory } from "./text-shapes";
import type { AgentEvent, AgentReply, Codec, IncomingFrame, StreamDecoder } from "./types";

export { END_MARKERS, TEXT_FIELDS } from "./text-shapes";

const MALFORMED: AgentEvent = {
  type: "error",
  message: "The text codec could not read a frame",
  code: "malformed-frame",
};

function decodeText(text: string, memory: TextStreamMemory): AgentEvent[] {
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
    if (isRecord(parsed)) return objectEvents(parsed, memory);
  }
  return [{ type: "text-delta", delta: text }];
}

/** An event after which the answer is over (the next text starts a new one). */
function endsAnswer(event: AgentEvent): boolean {
  return event.type === "message-end" || (event.type === "error" && event.fatal === true);
}

/**
 * The text codec's decoder for one stream: binary frames go through one streaming UTF-8
 * decoder per answer, so a character split across two frames comes out whole (it is reset
 * when the answer ends), and the stream's memory tells Strands' repeated text apart.
 */
class TextStreamDecoder implements StreamDecoder {
  #utf8 = new TextDecoder("utf-8");
  readonly #memory = newTextStreamMemory();

  decode(frame: IncomingFrame): AgentEvent[] {
    try {
      const text =
        typeof frame === "string"
          ? frame
          : this.#utf8.decode(frame instanceof ArrayBuffer ? new Uint8Array(frame) : frame, {
              stream: true,
            });
      const events = decodeText(text, this.#memory);
      if (events.some(endsAnswer)) this.#utf8 = new TextDecoder("utf-8");
      return events;
    } catch {
      return [MALFORMED];
    }
  }
}

/** A decoder for one stream of text-codec frames; the connection makes one per socket. */
export function createTextDecoder(): StreamDecoder {
  return new TextStreamDecoder();
}

/**
 * The default codec, for agents that speak plain text or simple JSON: the AgentCore samples,
 * the AgentCore Python SDK's `stream_chunk`/`stream_complete` WebSocket sample, and Strands
 * agent stream events forwarded by a `BedrockAgentCoreApp` handler. Sends
 * `{"inputText": message}`. Receives:
 * - plain text frames (and binary frames, decoded as UTF-8) as `text-delta`;
 * - a JSON string (`"..."`) as `text-delta` of its value;
 * - a JSON object: an `error` (or `type: "error"`, or Strands' `force_stop`) becomes a fatal
 *   `error` event; Strands' `{"event": {"contentBlockDelta": ...}}` model chunks carry text
 *   and `messageStop` ends the answer; else the first string among `text`, `delta`,
 *   `content`, `chunk`, `data` becomes `text-delta`, and `done: true`, `complete: true` or a
 *   `type`/`event` among {@link END_MARKERS} adds `message-end`; an object with none of these
 *   becomes `custom` (`name: "json"`).
 *
 * The connection decodes each socket with {@link createTextDecoder}, which also joins a UTF-8
 * character split across binary frames and drops the text Strands sends twice; `decode` reads
 * one frame on its own. A `{"type": "tool_call", "toolCallId", "name", "args"}` object is a tool
 * call and `{"type": "tool_result", "toolCallId", "content"}` its result; `encodeReply` sends
 * `{"type": "reply", "toolResults"?, "resume"?}`. There is no cancel frame (so `stop()` closes
 * and reopens the stream) and no heartbeat frame. A message with attachments (what
 * `<AgentChat>` sends when files are attached) is sent as
 * `{"inputText": text, "attachments": [{ name, type, size, url?, key? }]}`. `encode` throws
 * {@link AgentRuntimeValidationError} for a message that is neither a string nor a
 * {@link MessageWithAttachments}.
 */
export const textCodec: Codec<ChatInput> = {
  name: "text",
  encode(message: unknown): string {
    if (typeof message === "string") return JSON.stringify({ inputText: message });
    if (!isMessageWithAttachments(message)) {
      throw invalidOption("textCodec message", "a string or { text, attachments }", message);
    }
    if (message.attachments.length === 0) return JSON.stringify({ inputText: message.text });
    return JSON.stringify({
      inputText: message.text,
      attachments: plainReferences(message.attachments),
    });
  },
  encodeReply(reply: AgentReply): string {
    return JSON.stringify({ type: "reply", ...reply });
  },
  decode(frame: IncomingFrame): AgentEvent[] {
    try {
      return decodeText(frameToText(frame), newTextStreamMemory());
    } catch {
      return [MALFORMED];
    }
  },
  createDecoder: createTextDecoder,
} satisfies Codec<unknown>;

/**
 * {@link textCodec} for a connection of any message type (the default codec): its `encode`
 * checks what it is given, so a message it cannot send is refused when sent.
 */
export const defaultTextCodec: Codec<unknown> = textCodec;
