import type { EmulatorTimers } from "./clock";
import type { EmulatorSession } from "./sessions";

/** A frame as an agent receives it: text as a string, binary as bytes. */
export type AgentFrame = string | Uint8Array;

/**
 * The agent's side of one accepted WebSocket. Errors thrown (or rejected) by the handler or
 * its listeners close the socket with 1011, as the service does when an agent fails.
 */
export interface AgentSocket {
  /** The connection's number in the emulator's event log. */
  readonly connectionId: number;
  /** True until the socket starts closing. */
  readonly isOpen: boolean;
  /** Aborts when the socket closes; pass it to `context.sleep` or your own work. */
  readonly signal: AbortSignal;
  /** Sends a text (string) or binary (bytes) frame; returns `false` once the socket is closing. */
  send(data: AgentFrame): boolean;
  /** Sends `JSON.stringify(value)` as a text frame. */
  sendJson(value: unknown): boolean;
  /**
   * Closes the socket with a close frame (default 1000).
   *
   * @throws {EmulatorOptionsError} for a code a server may not send.
   */
  close(code?: number, reason?: string): void;
  /** Calls `listener` for each frame from the client; returns a function that removes it. */
  on(
    event: "message",
    listener: (data: AgentFrame, isBinary: boolean) => void | Promise<void>,
  ): () => void;
  /** Calls `listener` once the socket has closed. */
  on(event: "close", listener: (code: number, reason: string) => void): () => void;
}

/** What an agent knows about the connection it serves. */
export interface AgentContext {
  sessionId: string;
  runtimeArn: string;
  /** The endpoint name (`qualifier` query parameter), when given. */
  qualifier: string | undefined;
  /** Per-session state that persists across reconnects with the same session id. */
  session: EmulatorSession;
  connectionId: number;
  /** The emulator clock (epoch ms, skew included). */
  now: () => number;
  /** Timers bound to this connection: all are cancelled when it closes. */
  timers: EmulatorTimers;
  /** Resolves `true` after `ms`, or `false` as soon as the socket closes. */
  sleep(ms: number): Promise<boolean>;
}

/** A user-defined agent: called once per accepted connection. */
export type AgentHandler = (socket: AgentSocket, context: AgentContext) => void | Promise<void>;
