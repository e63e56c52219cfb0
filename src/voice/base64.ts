/** Bytes as base64 text (`btoa` over chunks, so a large buffer does not overflow the stack). */
export function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = "";
  for (let start = 0; start < view.length; start += 0x2000) {
    binary += String.fromCharCode(...view.subarray(start, start + 0x2000));
  }
  return btoa(binary);
}

/** Base64 text as bytes; `undefined` for text that is not base64. */
export function fromBase64(text: string): ArrayBuffer | undefined {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}
