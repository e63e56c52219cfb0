import { AgentRuntimeProviderError } from "../providers/errors";
import type { PresignedConnection } from "../providers/types";
import { isValidSessionId } from "../core/session-id";

/** A provider's answer, checked, with its expiry moved onto the local clock. */
export interface ReadyUrl {
  url: string;
  protocols: string[] | undefined;
  headers?: Record<string, string>;
  sessionId: string;
  /** Epoch ms by the local clock after which the URL must not be used. */
  localExpiresAt: number;
}

/**
 * `expiresAt` moved onto the local clock. When the minting side says when it minted the URL
 * (`issuedAt`, by its clock), the skew is `issuedAt - receivedAt`: a minting clock 10 s ahead
 * of ours makes every one of its times 10 s later than ours, so 10 s come off its expiry.
 */
export function localExpiry(
  expiresAt: number,
  issuedAt: number | undefined,
  receivedAt: number,
): number {
  if (issuedAt === undefined) return expiresAt;
  const skew = issuedAt - receivedAt;
  return expiresAt - skew;
}

function invalid(problem: string): AgentRuntimeProviderError {
  return new AgentRuntimeProviderError(`The URL provider answered with ${problem}`, {
    code: "invalid-response",
  });
}

type Check = (value: unknown) => boolean;

const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value);

/** What each field of a provider's answer must be, checked in this order. */
const FIELDS: ReadonlyArray<[keyof PresignedConnection, Check, string]> = [
  ["url", (url) => typeof url === "string" && /^wss?:\/\/\S+$/i.test(url), "a ws:// or wss:// URL"],
  [
    "protocols",
    optional(
      (protocols) =>
        Array.isArray(protocols) &&
        protocols.every((protocol) => typeof protocol === "string" && protocol !== ""),
    ),
    "a list of non-empty strings",
  ],
  [
    "headers",
    optional(
      (headers) =>
        typeof headers === "object" &&
        headers !== null &&
        Object.values(headers).every((value) => typeof value === "string"),
    ),
    "a map of strings",
  ],
  ["expiresAt", Number.isFinite, "a finite epoch-ms number"],
  ["issuedAt", optional(Number.isFinite), "a finite epoch-ms number"],
  ["sessionId", isValidSessionId, "33-256 visible ASCII characters"],
];

/**
 * Checks a provider's answer and corrects its expiry for clock skew. Never puts the URL in an
 * error message: a presigned URL is a bearer secret.
 *
 * @throws {AgentRuntimeProviderError} (`invalid-response`) for anything unusable.
 */
export function toReadyUrl(answer: PresignedConnection | unknown, receivedAt: number): ReadyUrl {
  if (typeof answer !== "object" || answer === null) throw invalid("no connection object");
  const fields = answer as Record<keyof PresignedConnection, unknown>;
  for (const [field, isValid, expected] of FIELDS) {
    if (!isValid(fields[field])) throw invalid(`an invalid ${field} (expected ${expected})`);
  }
  const { url, protocols, headers, expiresAt, sessionId, issuedAt } = answer as PresignedConnection;
  return {
    url,
    protocols: protocols?.length ? [...protocols] : undefined,
    headers: headers && { ...headers },
    sessionId,
    localExpiresAt: localExpiry(expiresAt, issuedAt, receivedAt),
  };
}

/** Whether `ready` may still be opened at `now`, keeping `safetyMarginMs` in hand. */
export function isUsable(ready: ReadyUrl, now: number, safetyMarginMs: number): boolean {
  return ready.localExpiresAt - now > safetyMarginMs;
}
