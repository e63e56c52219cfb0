import { sanitizeForMessage } from "../core/describe-error";
import { AgentRuntimeProviderError } from "./errors";
import { isValidSessionId } from "../core/session-id";
import type { PresignedConnection } from "./types";

// RFC 6455 subprotocols are HTTP tokens.
const SUBPROTOCOL_PATTERN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function invalid(what: string, status: number): AgentRuntimeProviderError {
  return new AgentRuntimeProviderError(`Presign backend answered ${what}`, {
    code: "invalid-response",
    status,
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The backend's clock reading from its `Date` header, or `undefined` without a usable one. */
export function issuedAtFromDateHeader(headers: Headers): number | undefined {
  const date = headers.get("date");
  if (!date) return undefined;
  const parsed = Date.parse(date);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/**
 * Checks a successful backend answer and turns it into a {@link PresignedConnection}. Error
 * messages name what was wrong but never repeat the URL: it is a credential.
 */
export function parseBackendAnswer(
  text: string,
  status: number,
  issuedAt: number | undefined,
  localNow: number,
): PresignedConnection {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalid("something that is not JSON", status);
  }
  if (!isRecord(body)) throw invalid("JSON that is not an object", status);

  const { url, expiresAt, sessionId, protocols } = body;
  if (typeof url !== "string") throw invalid("no url", status);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid("a url that cannot be parsed", status);
  }
  if (parsed.protocol !== "wss:" && parsed.protocol !== "ws:") {
    throw invalid(`a url with the scheme ${parsed.protocol} (expected wss: or ws:)`, status);
  }
  if (typeof expiresAt !== "number" || !Number.isFinite(expiresAt) || expiresAt <= 0) {
    throw invalid("no expiresAt (epoch milliseconds)", status);
  }
  // Judge expiry by the backend's own clock when it told us the time: local skew must not
  // make a fresh URL look stale.
  const reference = issuedAt ?? localNow;
  if (expiresAt <= reference) throw invalid("a url that has already expired", status);
  if (!isValidSessionId(sessionId)) {
    throw invalid("an invalid sessionId (expected 33-256 visible ASCII characters)", status);
  }
  if (
    protocols !== undefined &&
    (!Array.isArray(protocols) ||
      !protocols.every((p): p is string => typeof p === "string" && SUBPROTOCOL_PATTERN.test(p)))
  ) {
    throw invalid("protocols that are not a list of WebSocket subprotocol names", status);
  }

  const connection: PresignedConnection = { url, expiresAt, sessionId };
  if (protocols !== undefined) connection.protocols = [...protocols];
  if (issuedAt !== undefined) connection.issuedAt = issuedAt;
  return connection;
}

/** The error for a non-2xx answer, surfacing the backend's `{ error: { code, message } }`. */
export function backendRefusal(text: string, status: number): AgentRuntimeProviderError {
  let detail = "";
  try {
    const body: unknown = JSON.parse(text);
    const error = isRecord(body) ? body.error : undefined;
    if (isRecord(error)) {
      const message = typeof error.message === "string" ? sanitizeForMessage(error.message) : "";
      const code = typeof error.code === "string" ? sanitizeForMessage(error.code, 60) : "";
      detail = [message, code && `(${code})`].filter(Boolean).join(" ");
    }
  } catch {
    // Not JSON: the status alone has to do.
  }
  return new AgentRuntimeProviderError(
    `Presign backend answered HTTP ${status}${detail ? `: ${detail}` : ""}`,
    { code: "http-status", status },
  );
}
