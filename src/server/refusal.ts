/** Machine-readable reasons the presign handler gives in `{ error: { code } }`. */
export type PresignErrorCode =
  | "origin-not-allowed"
  | "method-not-allowed"
  | "unsupported-media-type"
  | "body-too-large"
  | "request-timeout"
  | "invalid-json"
  | "invalid-request"
  | "unauthorized"
  | "rate-limited"
  | "unknown-runtime"
  | "invalid-expires"
  | "invalid-session-id"
  | "session-forbidden"
  | "rate-limit-unavailable"
  | "credentials-unavailable"
  | "internal";

/**
 * Machine-readable reasons the upload-URL handler gives: the presign handler's (but never
 * `unknown-runtime`, `invalid-expires` aside, nor the session codes) and its own.
 */
export type UploadUrlErrorCode = PresignErrorCode | "type-not-allowed" | "file-too-large";

/** A request the handler turns down with a 4xx answer; its message is safe to show the caller. */
export class PresignRefusal<Code extends string = PresignErrorCode> extends Error {
  override readonly name = "PresignRefusal";

  constructor(
    readonly status: number,
    readonly code: Code,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
