import type { AgentEvent, Codec } from "../codecs/types";
import { toIncomingFrame } from "./incoming-frame";

/**
 * The agent events in one received payload. Never throws: a payload of an unsupported type,
 * or a codec that throws, becomes an `error` event, and the connection lives on.
 */
export function decodeFrame(codec: Codec<unknown>, data: unknown): AgentEvent[] {
  const frame = toIncomingFrame(data);
  if (frame === undefined) {
    return [
      {
        type: "error",
        message: "Received a frame of an unsupported type",
        code: "unsupported-frame",
      },
    ];
  }
  try {
    return codec.decode(frame);
  } catch {
    const message = `The ${codec.name} codec failed to decode a frame`;
    return [{ type: "error", message, code: "codec-error" }];
  }
}
