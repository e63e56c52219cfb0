/**
 * Why a connection is not open, as a code. The snapshot carries the code; the chat UI turns it
 * into text through its labels, and {@link describeReason} gives English for errors and logs.
 */
export const CONNECTION_REASONS = [
  /** The app called `close()`. */
  "closed",
  /** The agent ended the stream with 1000. */
  "agent-closed",
  /** The browser reports no network; the connection waits for it. */
  "offline",
  /** `stop()` without a cancel frame: the stream is being reopened. */
  "stopped",
  /** The URL provider threw or answered something unusable. */
  "provider-failed",
  /** The URL provider did not answer within `providerTimeoutMs`. */
  "provider-timeout",
  /** The URL provider answered with a URL that expires within the safety margin. */
  "expired-url",
  /** The WebSocket constructor threw. */
  "socket-error",
  /** There is no WebSocket implementation to use. */
  "no-websocket",
  /** The connection could not be created: an option is invalid (the error says which). */
  "invalid-options",
  /** The stream closed before it opened (a refused upgrade, as browsers report it). */
  "not-opened",
  /** The upgrade got no answer within `handshakeTimeoutMs`. */
  "handshake-timeout",
  /** 1008: the runtime refused the stream (e.g. expired credentials); a fresh URL is fetched. */
  "policy-violation",
  /** 1009: the runtime refused a message as too big. */
  "message-too-big",
  /** 1001: the runtime is going away. */
  "going-away",
  /** 1006: the connection was lost without a close handshake. */
  "connection-lost",
  /** 1011: the runtime reported a server error. */
  "server-error",
  /** Any other close code. */
  "closed-unexpectedly",
  /** The stream reached the service's maximum lifetime (60 min); resuming on the same session. */
  "stream-lifetime",
  /** The service closed the stream after its idle timeout; resuming on the same session. */
  "idle-timeout",
] as const;

/** Why a connection is not open. */
export type ConnectionReason = (typeof CONNECTION_REASONS)[number];

const DESCRIPTIONS: Record<ConnectionReason, string> = {
  closed: "closed",
  "agent-closed": "the agent closed the stream",
  offline: "offline; waiting for the network",
  stopped: "stopped; reopening the stream",
  "provider-failed": "the URL provider failed",
  "provider-timeout": "the URL provider did not answer in time",
  "expired-url": "the URL provider answered with an expired URL",
  "socket-error": "the WebSocket could not be created",
  "no-websocket": "there is no WebSocket implementation",
  "invalid-options": "the connection could not be created: an option is invalid",
  "not-opened": "the stream could not open; fetching a fresh URL",
  "handshake-timeout": "the runtime did not answer the upgrade in time",
  "policy-violation": "the runtime refused the stream; fetching a fresh URL",
  "message-too-big": "the runtime refused a message as too big",
  "going-away": "the runtime is going away",
  "connection-lost": "the connection was lost",
  "server-error": "the runtime reported a server error",
  "closed-unexpectedly": "the stream closed unexpectedly",
  "stream-lifetime": "the stream reached its maximum lifetime; resuming",
  "idle-timeout": "the stream closed for being idle; resuming",
};

/** English text for a reason code, with the close code when there is one (errors, logs). */
export function describeReason(reason: ConnectionReason, closeCode?: number): string {
  const text = DESCRIPTIONS[reason];
  return closeCode === undefined ? text : `${text} (${closeCode})`;
}
