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

/**
 * The agent events in one received payload. Never throws: a payload of an unsupported type, a
 * frame over `maxBytes` (not decoded at all), or a codec that throws becomes an `error` event,
 * and the connection lives on.
 */
export function decodeFrame(
  codec: Codec<unknown>,
  data: unknown,
  maxBytes: number,
  decoder: StreamDecoder = codec,
): AgentEvent[] {
  const frame = toIncomingFrame(data);
  if (frame === undefined) {
    const message = "Received a frame of an unsupported type";
    return [{ type: "error", message, code: "unsupported-frame" }];
  }
  const bytes = frameBytes(frame, maxBytes);
  if (bytes > maxBytes) {
    const message = `Dropped a frame of ${bytes} bytes or more from the agent; the limit is ${maxBytes}`;
    return [{ type: "error", message, code: "frame-too-large" }];
  }
  try {
    return decoder.decode(frame);
  } catch {
    const message = `The ${codec.name} codec failed to decode a frame`;
    return [{ type: "error", message, code: "codec-error" }];
  }
}

/**
 * Decodes what each socket receives: with a codec that has `createDecoder`, through a decoder
 * of the socket's own, made when its first frame arrives (a new socket gets a new one), so
 * nothing a frame left unfinished leaks into the next stream.
 */
export class InboundFrames {
  readonly #codec: Codec<unknown>;
  readonly #maxBytes: number;
  #decoder: StreamDecoder | undefined;
  #serial = -1;

  constructor(codec: Codec<unknown>, maxBytes: number) {
    this.#codec = codec;
    this.#maxBytes = maxBytes;
  }

  /** The events in `data`, received on the socket numbered `serial`. Never throws. */
  decode(data: unknown, serial: number): AgentEvent[] {
    if (serial !== this.#serial || this.#decoder === undefined) {
      this.#serial = serial;
      this.#decoder = this.#newDecoder();
    }
    return decodeFrame(this.#codec, data, this.#maxBytes, this.#decoder);
  }

  #newDecoder(): StreamDecoder {
    const codec = this.#codec;
    try {
      return codec.createDecoder?.() ?? codec;
    } catch {
      // A codec whose createDecoder() throws decodes frame by frame.
      return codec;
    }
  }
}
