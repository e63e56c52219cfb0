/**
 * Message encoding is defined by the agent, so it is pluggable: a codec turns what the app
 * sends into frames, and frames from the agent into {@link AgentEvent}s.
 */

/** A frame as it arrives from a WebSocket. */
export type IncomingFrame = string | ArrayBuffer | Uint8Array;

/** Events a codec decodes from agent frames. The store builds messages from them. */
export type AgentEvent =
  | { type: "run-started"; runId?: string; threadId?: string }
  | { type: "run-finished"; runId?: string }
  | { type: "message-start"; messageId?: string; role?: "assistant" }
  | { type: "text-delta"; messageId?: string; delta: string }
  | { type: "message-end"; messageId?: string }
  | { type: "tool-call-start"; toolCallId: string; name: string; parentMessageId?: string }
  | { type: "tool-call-args"; toolCallId: string; delta: string }
  | { type: "tool-call-end"; toolCallId: string }
  | { type: "tool-call-result"; toolCallId: string; content: string; messageId?: string }
  | { type: "state-snapshot"; snapshot: unknown }
  | { type: "state-delta"; delta: unknown[] }
  /** A malformed frame or an error the agent reported. `fatal` ends the run in progress. */
  | { type: "error"; message: string; code?: string; fatal?: boolean }
  /** Something the codec understood as valid but has no event for; kept for `onMessage`. */
  | { type: "custom"; name: string; value: unknown };

/** What a codec knows about the message it encodes. */
export interface EncodeContext {
  /** The outbox id of the message. */
  messageId: string;
  sessionId: string;
}

/**
 * Decodes the frames of one stream (one socket), remembering what earlier frames left
 * unfinished, e.g. a UTF-8 character split across two binary frames. Must never throw.
 */
export interface StreamDecoder {
  decode(frame: IncomingFrame): AgentEvent[];
}

/**
 * Encodes outgoing messages and decodes incoming frames. `decode` must never throw: a
 * malformed frame becomes an `error` event and the connection lives on.
 */
export interface Codec<Outgoing = string> {
  /** A short name for diagnostics, e.g. `text` or `ag-ui`. */
  readonly name: string;
  encode(message: Outgoing, context: EncodeContext): string;
  decode(frame: IncomingFrame): AgentEvent[];
  /**
   * The frame that cancels the answer in progress, where the protocol has one. Without it,
   * `stop()` closes and reopens the stream on the same session.
   */
  cancel?(context: { sessionId: string }): string;
  /** A frame the agent ignores, sent to keep an idle stream open (optional). */
  heartbeat?(): string;
  /**
   * A decoder with its own state, for codecs whose frames do not stand alone (optional). The
   * connection asks for a new one for every socket it opens and decodes that socket's frames
   * with it instead of `decode`.
   */
  createDecoder?(): StreamDecoder;
}
