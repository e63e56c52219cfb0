import type { IncomingFrame } from "./types";

let decoder: TextDecoder | undefined;

/** A frame as text: text frames as they are, binary frames decoded as UTF-8 (invalid bytes become U+FFFD). */
export function frameToText(frame: IncomingFrame): string {
  if (typeof frame === "string") return frame;
  decoder ??= new TextDecoder("utf-8");
  return decoder.decode(frame instanceof ArrayBuffer ? new Uint8Array(frame) : frame);
}
