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

/** Default longest time to receive a request body, in ms. */
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;

function tooSlow(): PresignRefusal {
  return new PresignRefusal(408, "request-timeout", "The request body took too long to arrive");
}

/** The body's chunks, refusing as soon as they pass `maxBytes` (413) or run past `deadline` (408). */
async function readChunks(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  maxBytes: number,
  deadline: Promise<never>,
): Promise<{ chunks: Uint8Array[]; total: number }> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await Promise.race([reader.read(), deadline]);
    if (done) return { chunks, total };
    total += value.byteLength;
    if (total > maxBytes) throw tooLarge(maxBytes);
    chunks.push(value);
  }
}

function decode(chunks: Uint8Array[], total: number): string {
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

/**
 * Reads a request body as UTF-8 text, refusing (413) as soon as it grows past `maxBytes`
 * rather than after buffering all of it, and (408) when all of it has not arrived within
 * `timeoutMs` of starting to read: a client trickling its body cannot hold the request open.
 */
export async function readBodyText(
  request: Request,
  maxBytes: number,
  timeoutMs = DEFAULT_BODY_TIMEOUT_MS,
): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return "";

  const reader = request.body.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(tooSlow()), timeoutMs);
  });
  try {
    const { chunks, total } = await readChunks(reader, maxBytes, deadline);
    return decode(chunks, total);
  } catch (error) {
    // Stop reading: the rest of the body is not wanted.
    void reader.cancel().catch(() => {});
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
