import { EmulatorOptionsError } from "../options-error";

/** Where and how the emulator reaches your agent container (the `forward` option). */
export interface ForwardOptions {
  /**
   * The container's base URL, `http://host:port` (or `https://`), e.g. `http://127.0.0.1:8080`:
   * its WebSocket is `/ws` and its health check `GET /ping`, as the AgentCore container contract
   * has them.
   */
  url: string;
  /** How long `GET /ping` may take before the agent counts as down. Default 2 000 ms. */
  pingTimeoutMs?: number;
  /** How long the WebSocket handshake with the agent may take. Default 10 000 ms. */
  connectTimeoutMs?: number;
}

/** The `forward` option: a base URL, or {@link ForwardOptions}. */
export type ForwardOption = string | ForwardOptions;

/** @internal the forward option checked, with the URLs it implies. */
export interface ResolvedForward {
  /** `http://host:port`, as given (no trailing slash). */
  origin: string;
  /** `ws://host:port/ws` (or `wss://`). */
  wsUrl: string;
  /** `http://host:port/ping`. */
  pingUrl: string;
  pingTimeoutMs: number;
  connectTimeoutMs: number;
}

const DEFAULT_PING_TIMEOUT_MS = 2_000;
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

function timeout(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > 2 ** 31)
    throw new EmulatorOptionsError(
      `forward.${name} must be a whole number of ms >= 1, got ${value}`,
    );
  return value;
}

function parseOrigin(url: unknown): URL {
  if (typeof url !== "string")
    throw new EmulatorOptionsError("forward must be the agent's URL, e.g. http://127.0.0.1:8080");
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new EmulatorOptionsError(`forward ${JSON.stringify(url)} is not a URL`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    throw new EmulatorOptionsError(
      `forward must be an http:// or https:// URL, got ${parsed.protocol}`,
    );
  if ((parsed.pathname !== "/" && parsed.pathname !== "") || parsed.search || parsed.hash)
    throw new EmulatorOptionsError(
      `forward must be the agent's base URL (it serves /ws and /ping), got ${JSON.stringify(url)}`,
    );
  if (parsed.username || parsed.password)
    throw new EmulatorOptionsError("forward must not carry a user name or password");
  return parsed;
}

/**
 * Checks the `forward` option.
 *
 * @throws {EmulatorOptionsError} for a URL that is not an http(s) base URL, or a bad timeout.
 */
export function resolveForward(option: ForwardOption): ResolvedForward {
  const options = typeof option === "string" ? { url: option } : option;
  if (typeof options !== "object" || options === null)
    throw new EmulatorOptionsError(
      "forward must be a URL or { url, pingTimeoutMs?, connectTimeoutMs? }",
    );
  const parsed = parseOrigin(options.url);
  const origin = `${parsed.protocol}//${parsed.host}`;
  return {
    origin,
    wsUrl: `${parsed.protocol === "https:" ? "wss:" : "ws:"}//${parsed.host}/ws`,
    pingUrl: `${origin}/ping`,
    pingTimeoutMs: timeout(options.pingTimeoutMs, "pingTimeoutMs", DEFAULT_PING_TIMEOUT_MS),
    connectTimeoutMs: timeout(
      options.connectTimeoutMs,
      "connectTimeoutMs",
      DEFAULT_CONNECT_TIMEOUT_MS,
    ),
  };
}
