import { isRecord } from "../core/option-checks";
import { protoMessages, type ProtoLoader } from "./ag-ui-proto";
import { MalformedEvent, mapAgUiEvent } from "./ag-ui-events";
import { frameToText } from "./frame-text";
import { sseDataPayloads } from "./sse-frame";
import type { AgentEvent, IncomingFrame } from "./types";

function malformedFrame(message: string): AgentEvent {
  return { type: "error", message, code: "malformed-frame" };
}

/** The agent events of one decoded AG-UI event object. */
function mapItem(item: unknown): AgentEvent[] {
  if (!isRecord(item)) {
    const message = "An AG-UI frame held something other than an event object";
    return [{ type: "error", message, code: "malformed-event" }];
  }
  try {
    return mapAgUiEvent(item);
  } catch (error) {
    const message =
      error instanceof MalformedEvent ? error.message : "An AG-UI event could not be read";
    return [{ type: "error", message, code: "malformed-event" }];
  }
}

/** One JSON text: an event or an array of events. */
function decodeJson(text: string): AgentEvent[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [malformedFrame("An AG-UI frame was not valid JSON")];
  }
  return (Array.isArray(parsed) ? parsed : [parsed]).flatMap(mapItem);
}

/** A text frame: plain JSON when it starts like JSON (`{`, `[` or `"`), else SSE text. */
export function decodeAgUiText(text: string): AgentEvent[] {
  const first = text.trimStart()[0];
  if (first === "{" || first === "[" || first === '"') return decodeJson(text);
  const payloads = sseDataPayloads(text);
  if (payloads === null) {
    return [malformedFrame("An AG-UI frame was neither JSON nor SSE text")];
  }
  return payloads.flatMap(decodeJson);
}

/** Why `agUiCodec` does not read a protobuf frame, and what does. */
export const PROTOBUF_NOT_ENABLED =
  'A binary AG-UI frame in the protobuf encoding arrived: agUiCodec reads JSON and SSE text only; use agUiProtoCodec from "agentcore-react/ag-ui-proto" (with @ag-ui/proto installed) to read protobuf';

function decodeProto(messages: Uint8Array[], proto: ProtoLoader | null): AgentEvent[] {
  const decoder = proto ? proto.decoder() : { unavailable: PROTOBUF_NOT_ENABLED };
  if ("unavailable" in decoder) {
    return [{ type: "error", message: decoder.unavailable, code: "unsupported-frame" }];
  }
  return messages.flatMap((message) => {
    let event: unknown;
    try {
      event = decoder.decode(message);
    } catch {
      return [malformedFrame("A binary AG-UI frame was not a valid protobuf event")];
    }
    return mapItem(event);
  });
}

/**
 * Reads any AG-UI encoding: JSON, SSE text, or length-prefixed protobuf (binary frames), the
 * last through `proto` (without it, a protobuf frame is an `unsupported-frame` error).
 */
export function decodeAgUiFrame(frame: IncomingFrame, proto: ProtoLoader | null): AgentEvent[] {
  if (typeof frame !== "string") {
    const messages = protoMessages(frame);
    if (messages) return decodeProto(messages, proto);
  }
  let text: string;
  try {
    text = frameToText(frame);
  } catch {
    return [malformedFrame("An AG-UI frame could not be read as text")];
  }
  return decodeAgUiText(text);
}

/** Loads the protobuf decoder when a frame needs it and it is not loaded yet. */
export function prepareAgUiFrame(
  frame: IncomingFrame,
  proto: ProtoLoader | null,
): Promise<void> | undefined {
  if (!proto || typeof frame === "string" || protoMessages(frame) === null) return undefined;
  return proto.load();
}
