import type { AgentEvent, Codec, IncomingFrame, StreamDecoder } from "../codecs/types";
import { toIncomingFrame } from "./incoming-frame";
import { utf8ByteLength } from "./utf8";

/** The size of a frame in bytes, counting text as UTF-8 only when its length leaves doubt. */
function frameBytes(frame: IncomingFrame, maxBytes: number): number {
  if (typeof frame !== "string") return frame.byteLength;
  // A UTF-16 unit takes 1 to 3 UTF-8 bytes: skip the count when the length settles it.
  if (frame.length > maxBytes) return frame.length;
  return frame.length * 3 <= maxBytes ? frame.length : utf8ByteLength(frame);
}

/** A received payload: what to wait for before decoding it, and its decoding. */
export interface ReceivedFrame {
  /** Settles when the codec is ready for the frame (`codec.prepare`); never rejects. */
  ready: Promise<void> | undefined;
  /** The frame's events. Never throws. */
  decode(): AgentEvent[];
}

function settled(value: unknown): Promise<void> | undefined {
  if (!(value instanceof Promise)) return undefined;
  return value.then(
    () => undefined,
    () => undefined,
  );
}

/** The error events of a payload that is never handed to the codec, if it is one. */
function refusal(frame: IncomingFrame | undefined, maxBytes: number): AgentEvent[] | null {
  if (frame === undefined) {
    const message = "Received a frame of an unsupported type";
    return [{ type: "error", message, code: "unsupported-frame" }];
  }
  const bytes = frameBytes(frame, maxBytes);
  if (bytes > maxBytes) {
    const message = `Dropped a frame of ${bytes} bytes or more from the agent; the limit is ${maxBytes}`;
    return [{ type: "error", message, code: "frame-too-large" }];
  }
  return null;
}

function decodeWith(
  codec: Codec<unknown>,
  decoder: StreamDecoder,
  frame: IncomingFrame,
): AgentEvent[] {
  try {
    return decoder.decode(frame);
  } catch {
    const message = `The ${codec.name} codec failed to decode a frame`;
    return [{ type: "error", message, code: "codec-error" }];
  }
}

/**
 * Takes in one received payload. A payload of an unsupported type or a frame over `maxBytes`
 * is never handed to the codec (its decoding is an `error` event); otherwise the codec's
 * `prepare` runs now (a throw counts as ready) and `decode` when the caller asks, through
 * `decoder` (the socket's own, from `codec.createDecoder`, or the codec itself).
 */
export function receiveFrame(
  codec: Codec<unknown>,
  data: unknown,
  maxBytes: number,
  decoder: StreamDecoder = codec,
): ReceivedFrame {
  const frame = toIncomingFrame(data);
  const refused = refusal(frame, maxBytes);
  if (refused || frame === undefined) return { ready: undefined, decode: () => refused ?? [] };
  let ready: Promise<void> | undefined;
  try {
    ready = settled(codec.prepare?.(frame));
  } catch {
    ready = undefined;
  }
  return { ready, decode: () => decodeWith(codec, decoder, frame) };
}

/**
 * The agent events in one received payload, decoded at once (without waiting for `prepare`).
 * Never throws: a payload of an unsupported type, a frame over `maxBytes` (not decoded at all),
 * or a codec that throws becomes an `error` event, and the connection lives on.
 */
export function decodeFrame(codec: Codec<unknown>, data: unknown, maxBytes: number): AgentEvent[] {
  const frame = toIncomingFrame(data);
  return refusal(frame, maxBytes) ?? (frame === undefined ? [] : decodeWith(codec, codec, frame));
}
