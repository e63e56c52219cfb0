import { invalidOption } from "../core/option-checks";
import { PresignRefusal } from "./refusal";

/** Which browser origins may call the handler: a list of origins or a predicate. */
export type AllowedOrigins = readonly string[] | ((origin: string) => boolean);

/** Headers a preflight allows by default. */
export const DEFAULT_ALLOWED_HEADERS = ["authorization", "content-type"] as const;

/** Answers CORS questions for one handler. */
export interface CorsPolicy {
  /**
   * CORS headers for a request's answer (empty when CORS is off or the request has no
   * `Origin`). Throws a 403 refusal for an origin that is not allowed.
   */
  headersFor(request: Request): Record<string, string>;
  /** The answer to an `OPTIONS` preflight. */
  preflightHeaders(request: Request): Record<string, string>;
}

// RFC 9110 field names are tokens.
const HEADER_NAME_PATTERN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function checkAllowedOrigins(value: AllowedOrigins | undefined): AllowedOrigins | undefined {
  if (value === undefined || typeof value === "function") return value;
  if (Array.isArray(value) && value.every((origin) => typeof origin === "string")) return value;
  throw invalidOption(
    "allowedOrigins",
    "a list of origins or a function (origin) => boolean",
    value,
  );
}

function checkAllowedHeaders(value: readonly string[]): readonly string[] {
  const names: unknown = value;
  if (
    Array.isArray(names) &&
    names.every((name) => typeof name === "string" && HEADER_NAME_PATTERN.test(name))
  ) {
    return value;
  }
  throw invalidOption("allowedHeaders", "a list of header names", value);
}

function sameOrigin(request: Request, origin: string): boolean {
  try {
    return new URL(request.url).origin === origin;
  } catch {
    return false;
  }
}

/**
 * With `allowedOrigins` set, browsers on those origins (and the handler's own origin) may call
 * it; any other `Origin` is refused. Without it CORS is off: no CORS headers are sent, so
 * browsers keep cross-origin pages out (the JSON content type forces a preflight).
 *
 * @throws {AgentRuntimeValidationError} for `allowedOrigins` that are neither a list of
 *   strings nor a function, or `allowedHeaders` that are not a list of header names.
 */
export function createCorsPolicy(
  givenOrigins: AllowedOrigins | undefined,
  givenHeaders: readonly string[] = DEFAULT_ALLOWED_HEADERS,
): CorsPolicy {
  const allowedOrigins = checkAllowedOrigins(givenOrigins);
  const allowedHeaders = checkAllowedHeaders(givenHeaders);
  const list = typeof allowedOrigins === "function" ? undefined : new Set(allowedOrigins ?? []);
  const isAllowed = (origin: string): boolean =>
    typeof allowedOrigins === "function"
      ? allowedOrigins(origin) === true
      : (list?.has(origin) ?? false);
  const preflightAllowedHeaders = [
    ...new Set([...allowedHeaders.map((name) => name.toLowerCase()), "content-type"]),
  ].join(", ");

  const headersFor = (request: Request): Record<string, string> => {
    const origin = request.headers.get("origin");
    if (allowedOrigins === undefined || origin === null) return {};
    if (!isAllowed(origin) && !sameOrigin(request, origin)) {
      throw new PresignRefusal(403, "origin-not-allowed", "This origin may not request URLs");
    }
    return {
      "Access-Control-Allow-Origin": origin,
      "Access-Control-Allow-Credentials": "true",
      // The connection reads `Date` to correct for clock skew; it is not a safelisted header.
      "Access-Control-Expose-Headers": "Date",
      Vary: "Origin",
    };
  };

  return {
    headersFor,
    preflightHeaders(request) {
      const headers = headersFor(request);
      if (!headers["Access-Control-Allow-Origin"]) {
        throw new PresignRefusal(
          403,
          "origin-not-allowed",
          "Cross-origin requests are not allowed",
        );
      }
      return {
        ...headers,
        "Access-Control-Allow-Methods": "POST",
        "Access-Control-Allow-Headers": preflightAllowedHeaders,
        "Access-Control-Max-Age": "600",
      };
    },
  };
}
