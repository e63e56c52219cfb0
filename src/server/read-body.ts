import { PresignRefusal } from "./refusal";

function tooLarge(maxBytes: number): PresignRefusal {
  return new PresignRefusal(
    413,
    "body-too-large",
    `The request body may be at most ${maxBytes} bytes`,
  );
}

/** The 405 answer to any method but `POST` (and `OPTIONS`, a CORS preflight). */
export function methodNotAllowed(): PresignRefusal {
  return new PresignRefusal(405, "method-not-allowed", "Use POST", { Allow: "POST, OPTIONS" });
}

/**
 * The checks that need no body: `POST` only (405), `application/json` only (415), and a
 * declared `Content-Length` within the limit (413).
 */
export function checkEnvelope(request: Request, maxBytes: number): void {
  if (request.method !== "POST") throw methodNotAllowed();
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    throw new PresignRefusal(
      415,
      "unsupported-media-type",
      "Send the request body as application/json",
    );
  }
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
}

/**
 * Reads a request body as UTF-8 text, refusing (413) as soon as it grows past `maxBytes`
 * rather than after buffering all of it.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return "";

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      void reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new PresignRefusal(400, "invalid-json", "The request body is not valid UTF-8");
  }
}
