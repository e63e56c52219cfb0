import { AgentRuntimeProviderError } from "../providers/errors";
import { AgentRuntimeCredentialsError } from "../signing/errors";
import { RateLimitStoreError } from "./rate-limiter";
import type { PresignErrorCode } from "./refusal";

/** The answer to a request that failed on the server's side. */
export interface FailureAnswer {
  status: 500 | 503;
  code: Extract<
    PresignErrorCode,
    "internal" | "credentials-unavailable" | "rate-limit-unavailable"
  >;
  /** A fixed text for the client: never the error's own message. */
  message: string;
}

function isCredentialsFailure(error: unknown): boolean {
  for (let link = error, depth = 0; link instanceof Error && depth < 5; depth++) {
    if (link instanceof AgentRuntimeCredentialsError) return true;
    if (link instanceof AgentRuntimeProviderError && link.code === "credentials") return true;
    link = link.cause;
  }
  return false;
}

/**
 * What the client is told about a failure: which kind it was (so an app can show "the server
 * is not set up to sign" apart from other trouble), never what went wrong in detail.
 */
export function describeFailure(error: unknown): FailureAnswer {
  if (error instanceof RateLimitStoreError) {
    return { status: 503, code: "rate-limit-unavailable", message: "Try again later" };
  }
  if (isCredentialsFailure(error)) {
    return {
      status: 500,
      code: "credentials-unavailable",
      message: "The server has no AWS credentials to sign with",
    };
  }
  return { status: 500, code: "internal", message: "Could not create a URL" };
}
