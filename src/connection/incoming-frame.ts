import type { IncomingFrame } from "../codecs/types";

/**
 * A received WebSocket payload as a codec takes it: text as is, binary frames as `ArrayBuffer`
 * (browsers, `ws` with binaryType arraybuffer) or a `Uint8Array` view; `undefined` for
 * anything else (a `Blob`, say).
 */
export function toIncomingFrame(data: unknown): IncomingFrame | undefined {
  if (typeof data === "string" || data instanceof ArrayBuffer) return data;
  if (ArrayBuffer.isView(data)) {
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }
  // An ArrayBuffer from another realm (a worker, a vm context) fails instanceof.
  if (Object.prototype.toString.call(data) === "[object ArrayBuffer]") {
    // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- platform edge: the tag check above proves a cross-realm ArrayBuffer, which instanceof cannot see
    return data as ArrayBuffer;
  }
  return undefined;
}
