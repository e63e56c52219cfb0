import { AgentRuntimeProviderError } from "../providers/errors";
import type { PresignedConnection } from "../providers/types";
import { isValidSessionId } from "./session-id";

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

function invalid(message: string): AgentRuntimeProviderError {
  return new AgentRuntimeProviderError(`The URL provider answered with ${message}`, {
    code: "invalid-response",
  });
}

/**
 * Checks a provider's answer and corrects its expiry for clock skew. Never puts the URL in an
 * error message: a presigned URL is a bearer secret.
 *
 * @throws {AgentRuntimeProviderError} (`invalid-response`) for anything unusable.
 */
export function toReadyUrl(answer: PresignedConnection | unknown, receivedAt: number): ReadyUrl {
  if (typeof answer !== "object" || answer === null) throw invalid("no connection object");
  const { url, protocols, headers, expiresAt, sessionId, issuedAt } = answer as Partial<
    Record<keyof PresignedConnection, unknown>
  >;
  if (typeof url !== "string" || !/^wss?:\/\/[^\s]+$/i.test(url)) {
    throw invalid("a url that is not a ws:// or wss:// URL");
  }
  if (
    protocols !== undefined &&
    (!Array.isArray(protocols) ||
      !protocols.every((protocol) => typeof protocol === "string" && protocol !== ""))
  ) {
    throw invalid("protocols that are not a list of non-empty strings");
  }
  if (
    headers !== undefined &&
    (typeof headers !== "object" ||
      headers === null ||
      !Object.values(headers).every((value) => typeof value === "string"))
  ) {
    throw invalid("headers that are not a map of strings");
  }
  if (typeof expiresAt !== "number" || !Number.isFinite(expiresAt)) {
    throw invalid("an expiresAt that is not a finite epoch-ms number");
  }
  if (issuedAt !== undefined && (typeof issuedAt !== "number" || !Number.isFinite(issuedAt))) {
    throw invalid("an issuedAt that is not a finite epoch-ms number");
  }
  if (!isValidSessionId(sessionId)) {
    throw invalid("a sessionId that is not 33-256 visible ASCII characters");
  }
  return {
    url,
    protocols:
      protocols === undefined || protocols.length === 0 ? undefined : [...(protocols as string[])],
    headers: headers === undefined ? undefined : { ...(headers as Record<string, string>) },
    sessionId,
    localExpiresAt: localExpiry(expiresAt, issuedAt as number | undefined, receivedAt),
  };
}

/** Whether `ready` may still be opened at `now`, keeping `safetyMarginMs` in hand. */
export function isUsable(ready: ReadyUrl, now: number, safetyMarginMs: number): boolean {
  return ready.localExpiresAt - now > safetyMarginMs;
}
