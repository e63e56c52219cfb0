import type { ResolvedForward } from "./forward-options";

/** What `GET /ping` said: up (with the agent's status, e.g. `Healthy`), or why not. */
export type PingResult = { ok: true; status: string | undefined } | { ok: false; reason: string };

/** The `status` field of a ping answer, if it is JSON with one. */
function statusOf(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === "object" && parsed !== null && "status" in parsed) {
      return typeof parsed.status === "string" ? parsed.status : undefined;
    }
  } catch {
    // A ping answer need not be JSON: a 200 is enough.
  }
  return undefined;
}

/** Why a fetch failed, in words: the system error code when there is one. */
function describeFailure(error: unknown): string {
  if (error instanceof Error && error.name === "TimeoutError") return "no answer in time";
  const cause = error instanceof Error ? error.cause : undefined;
  if (
    typeof cause === "object" &&
    cause !== null &&
    "code" in cause &&
    typeof cause.code === "string"
  )
    return cause.code;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Asks the agent container's `GET /ping` whether it is up, as the service does before it routes
 * to a container. A 200 (with any body; AgentCore agents answer `{"status": "Healthy"}` or
 * `"HealthyBusy"`) means up. Never throws.
 */
export async function pingAgent(forward: ResolvedForward): Promise<PingResult> {
  try {
    const response = await fetch(forward.pingUrl, {
      signal: AbortSignal.timeout(forward.pingTimeoutMs),
      redirect: "manual",
    });
    const body = await response.text();
    if (response.status !== 200) {
      return { ok: false, reason: `GET ${forward.pingUrl} answered HTTP ${response.status}` };
    }
    return { ok: true, status: statusOf(body) };
  } catch (error) {
    return { ok: false, reason: `GET ${forward.pingUrl} failed: ${describeFailure(error)}` };
  }
}
