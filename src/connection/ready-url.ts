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

/** A check of one field that, when it passes, also tells the compiler the field's type. */
type Check<T> = (value: unknown) => value is T;

const optional =
  <T>(check: Check<T>): Check<T | undefined> =>
  (value): value is T | undefined =>
    value === undefined || check(value);

const isWebSocketUrl: Check<string> = (url): url is string =>
  typeof url === "string" && /^wss?:\/\/\S+$/i.test(url);

const isProtocolList: Check<string[]> = (protocols): protocols is string[] =>
  Array.isArray(protocols) &&
  protocols.every((protocol) => typeof protocol === "string" && protocol !== "");

const isStringMap: Check<Record<string, string>> = (headers): headers is Record<string, string> =>
  typeof headers === "object" &&
  headers !== null &&
  Object.values(headers).every((value) => typeof value === "string");

const isFiniteNumber: Check<number> = (value): value is number => Number.isFinite(value);

/** A provider's answer before it is checked: any of its fields may be missing or of any type. */
type UncheckedAnswer = Partial<Record<keyof PresignedConnection, unknown>>;

/** `answer[field]` if it passes `isValid`; otherwise the error naming the field, never its value. */
function checkedField<T>(
  answer: UncheckedAnswer,
  field: keyof PresignedConnection,
  isValid: Check<T>,
  expected: string,
): T {
  const value = answer[field];
  if (!isValid(value)) throw invalid(`an invalid ${field} (expected ${expected})`);
  return value;
}

/**
 * Checks a provider's answer and corrects its expiry for clock skew. Never puts the URL in an
 * error message: a presigned URL is a bearer secret. The fields are checked in this order: url,
 * protocols, headers, expiresAt, issuedAt, sessionId.
 *
 * @throws {AgentRuntimeProviderError} (`invalid-response`) for anything unusable.
 */
export function toReadyUrl(answer: PresignedConnection | unknown, receivedAt: number): ReadyUrl {
  if (typeof answer !== "object" || answer === null) throw invalid("no connection object");
  // A widening the compiler checks: reading a field an object lacks gives undefined.
  const fields: UncheckedAnswer = answer;
  const url = checkedField(fields, "url", isWebSocketUrl, "a ws:// or wss:// URL");
  const protocols = checkedField(
    fields,
    "protocols",
    optional(isProtocolList),
    "a list of non-empty strings",
  );
  const headers = checkedField(fields, "headers", optional(isStringMap), "a map of strings");
  const expiresAt = checkedField(fields, "expiresAt", isFiniteNumber, "a finite epoch-ms number");
  const issuedAt = checkedField(
    fields,
    "issuedAt",
    optional(isFiniteNumber),
    "a finite epoch-ms number",
  );
  const sessionId = checkedField(
    fields,
    "sessionId",
    isValidSessionId,
    "33-256 visible ASCII characters",
  );
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
