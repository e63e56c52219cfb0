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

/** A request the handler turns down with a 4xx answer; its message is safe to show the caller. */
export class PresignRefusal extends Error {
  override readonly name = "PresignRefusal";

  constructor(
    readonly status: number,
    readonly code: PresignErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
