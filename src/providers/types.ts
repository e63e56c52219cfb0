/**
 * The contract between URL providers and the connection. The connection never knows where a
 * URL comes from; a provider never knows about sockets.
 */

/** A URL the browser can open right now, and what the connection must know about it. */
export interface PresignedConnection {
  /** `wss://...` (or `ws://` for a local emulator), ready for `new WebSocket(url, protocols)`. */
  url: string;
  /** WebSocket subprotocols to offer, e.g. the OAuth bearer subprotocols. */
  protocols?: string[];
  /**
   * Handshake headers, for WebSocket implementations that can send them (Node's `ws`, given as
   * the constructor's third argument). Browsers cannot: browser providers never set this.
   */
  headers?: Readonly<Record<string, string>>;
  /** Epoch ms (by the clock of whoever minted the URL) after which the URL must not be used. */
  expiresAt: number;
  /**
   * The runtime session id baked into the URL: the one the provider was asked for, or a
   * different valid id (33-256 visible ASCII characters) from a backend that binds session ids
   * to its users, which the connection then adopts.
   */
  sessionId: string;
  /**
   * Epoch ms by the minting side's clock when the URL was minted (e.g. from a backend's `Date`
   * header). When present, the connection corrects `expiresAt` for the skew between that
   * clock and the local one.
   */
  issuedAt?: number;
}

/** What the connection tells a provider about the URL it wants. */
export interface UrlProviderContext {
  /**
   * The conversation's runtime session id. In-process providers sign exactly this one; a
   * backend may answer with an id it bound to the user (see `PresignedConnection.sessionId`).
   */
  sessionId: string;
  /** Aborted when the connection no longer needs the URL (closed, or superseded). */
  signal: AbortSignal;
  /** 0 for the first URL of a connection attempt, counting up on retries. */
  attempt: number;
}

/** Mints presigned (or bearer) connections for the runtime's WebSocket endpoint. */
export type UrlProvider = (context: UrlProviderContext) => Promise<PresignedConnection>;
