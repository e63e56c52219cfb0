import { redactSecrets } from "../core/redact";
import type { PresignErrorCode, UploadUrlErrorCode } from "./refusal";

const BASE_HEADERS = {
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
} as const;

/** A JSON answer that no cache keeps. */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...BASE_HEADERS, "Content-Type": "application/json; charset=utf-8", ...headers },
  });
}

/**
 * `{ error: { code, message } }` with the given status. Messages are fixed texts; they are
 * redacted all the same, so that no future message can carry a secret to a client.
 */
export function errorResponse(
  status: number,
  code: PresignErrorCode | UploadUrlErrorCode,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return jsonResponse(status, { error: { code, message: redactSecrets(message) } }, headers);
}

/** An empty answer (a CORS preflight). */
export function emptyResponse(status: number, headers: Record<string, string>): Response {
  return new Response(null, { status, headers: { ...BASE_HEADERS, ...headers } });
}
