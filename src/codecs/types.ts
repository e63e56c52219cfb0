/**
 * Message encoding is defined by the agent, so it is pluggable: a codec turns what the app
 * sends into frames, and frames from the agent into {@link AgentEvent}s.
 */

/** A frame as it arrives from a WebSocket. */
export type IncomingFrame = string | ArrayBuffer | Uint8Array;

/** Who wrote a message the agent streams or lists. */
export type AgentMessageRole = "assistant" | "user" | "system" | "developer";

/** A question the agent asks before its run can go on (AG-UI `Interrupt`). */
export interface AgentInterrupt {
  id: string;
  /** Why the run stopped, e.g. `tool_approval`. */
  reason: string;
  /** What to ask the user. */
  message?: string;
  /** The tool call the interrupt is about. */
  toolCallId?: string;
  /** The JSON Schema of the answer the agent expects. */
  responseSchema?: Record<string, unknown>;
  /** ISO 8601 time after which the agent no longer takes an answer. */
  expiresAt?: string;
}

/** How a run ended, when the agent said (AG-UI `RunFinishedOutcome`). */
export type RunOutcome = "success" | "interrupt" | "cancelled";

/** A tool call inside a message of a {@link AgentEvent} `messages-snapshot`. */
export interface SnapshotToolCall {
  toolCallId: string;
  name: string;
  /** Arguments as JSON text. */
  args: string;
}

/**
 * One message of a `messages-snapshot`: the agent's whole conversation, as AG-UI lists it.
 * `tool` messages carry a tool call's result; `reasoning` messages the model's thinking;
 * `activity` messages structured progress.
 */
export type SnapshotMessage =
  | { id: string; role: AgentMessageRole; text: string; toolCalls?: SnapshotToolCall[] }
  | { id: string; role: "tool"; toolCallId: string; text: string }
  | { id: string; role: "reasoning"; text: string }
  | { id: string; role: "activity"; activityType: string; content: Record<string, unknown> };

/**
 * A source an answer draws on (a web page, a document), listed under the answer. Codecs keep
 * only sources with an absolute http(s) `url`; see docs/codecs.md for how agents send them.
 */
export interface AgentSource {
  /** An absolute `http:` or `https:` URL. */
  url: string;
  /** The agent's own id for it, e.g. what a `[1]` marker in the answer refers to. */
  id?: string;
  title?: string;
  /** A short excerpt of what the answer draws on. */
  snippet?: string;
}

/** Events a codec decodes from agent frames. The store builds messages from them. */
export type AgentEvent =
  | { type: "run-started"; runId?: string; threadId?: string }
  /**
   * The run is over. `outcome: "interrupt"` with `interrupts`: the agent waits for answers
   * before it goes on.
   */
  | {
      type: "run-finished";
      runId?: string;
      outcome?: RunOutcome;
      interrupts?: AgentInterrupt[];
    }
  | { type: "message-start"; messageId?: string; role?: AgentMessageRole }
  | { type: "text-delta"; messageId?: string; delta: string }
  | { type: "message-end"; messageId?: string }
  /**
   * Text with its start and end implied: the first chunk of a message (with `messageId`) starts
   * it, and the message ends at the next event that is not one of its chunks.
   */
  | { type: "text-chunk"; messageId?: string; role?: AgentMessageRole; delta?: string }
  | { type: "tool-call-start"; toolCallId: string; name: string; parentMessageId?: string }
  | { type: "tool-call-args"; toolCallId: string; delta: string }
  | { type: "tool-call-end"; toolCallId: string }
  /** A tool call with its start and end implied, like `text-chunk`. */
  | {
      type: "tool-call-chunk";
      toolCallId?: string;
      name?: string;
      parentMessageId?: string;
      delta?: string;
    }
  | { type: "tool-call-result"; toolCallId: string; content: string; messageId?: string }
  /** The model's reasoning (AG-UI `REASONING_MESSAGE_*`), shown apart from the answer. */
  | { type: "reasoning-start"; messageId: string }
  | { type: "reasoning-delta"; messageId: string; delta: string }
  | { type: "reasoning-end"; messageId: string }
  /** Reasoning with its start and end implied, like `text-chunk`. */
  | { type: "reasoning-chunk"; messageId?: string; delta?: string }
  /** The agent's whole message list: it replaces the conversation's messages. */
  | { type: "messages-snapshot"; messages: SnapshotMessage[] }
  /**
   * Structured progress the agent shows in the conversation (AG-UI `ACTIVITY_SNAPSHOT`):
   * `replace: false` only creates it when it does not exist yet.
   */
  | {
      type: "activity";
      messageId: string;
      activityType: string;
      content: Record<string, unknown>;
      replace?: boolean;
    }
  /** A JSON Patch (RFC 6902) on an activity's content (AG-UI `ACTIVITY_DELTA`). */
  | { type: "activity-delta"; messageId: string; activityType: string; patch: unknown[] }
  /**
   * Sources the answer `messageId` draws on (without it: the answer in progress, or the one
   * about to start). Each event adds to the message's list.
   */
  | { type: "sources"; messageId?: string; sources: AgentSource[] }
  | { type: "state-snapshot"; snapshot: unknown }
  | { type: "state-delta"; delta: unknown[] }
  /** A malformed frame or an error the agent reported. `fatal` ends the run in progress. */
  | { type: "error"; message: string; code?: string; fatal?: boolean }
  /**
   * With `delivery` on: the agent could not replay what was sent while the stream was down
   * (`evicted` from its buffer, or `agent-restarted`); the answer in progress is cut short.
   */
  | { type: "resume-unavailable"; reason: "evicted" | "agent-restarted"; message: string }
  /** Something the codec understood as valid but has no event for; kept for `onMessage`. */
  | { type: "custom"; name: string; value: unknown };

/** What a tool the client ran (or the user answered for) returned, sent back to the agent. */
export interface ToolResult {
  toolCallId: string;
  /** The result as text (JSON text for structured results). */
  content: string;
  /** Why the tool failed, when it did (`content` then says so too). */
  error?: string;
}

/** An answer to one {@link AgentInterrupt} (AG-UI `ResumeEntry`). */
export interface InterruptResponse {
  interruptId: string;
  /** `resolved`: answered with `payload`; `cancelled`: dropped without an answer. */
  status: "resolved" | "cancelled";
  payload?: unknown;
}

/**
 * What the client sends back so the agent can go on: results of tool calls it ran in the
 * browser, and answers to the interrupts a run finished with. Sent as one frame.
 */
export interface AgentReply {
  toolResults?: ToolResult[];
  resume?: InterruptResponse[];
}

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
  /**
   * Optional: the frame carrying an {@link AgentReply} (client tool results, interrupt
   * answers). Without it, the conversation cannot answer tool calls or interrupts.
   */
  encodeReply?(reply: AgentReply, context: EncodeContext): string;
  decode(frame: IncomingFrame): AgentEvent[];
  /**
   * Optional: called with each frame before `decode`. A codec that needs something loaded
   * before it can read a frame (a decoder it imports lazily) returns a promise; the connection
   * then calls `decode` once it settles. Frames are still decoded and delivered in the order
   * they arrived: later frames wait for an earlier pending one, and so does the socket's close.
   * Return nothing when `decode` can run at once. Must not reject.
   */
  prepare?(frame: IncomingFrame): Promise<void> | undefined;
  /**
   * The frame that cancels the answer in progress, where the protocol has one. Without it,
   * `stop()` closes and reopens the stream on the same session.
   */
  cancel?(context: { sessionId: string }): string;
  /** A frame the agent ignores, sent to keep an idle stream open (optional). */
  heartbeat?(): string;
  /**
   * Optional: whether `event` tells that the agent took a message (AG-UI: `run-started`).
   * Each such event acknowledges the oldest message (or reply) sent on that socket and not
   * acknowledged yet. Once the agent has acknowledged one, a message it had not acknowledged
   * when its socket closed, whatever the code, is sent again (once) on the next socket.
   */
  acknowledges?(event: AgentEvent): boolean;
  /**
   * A decoder with its own state, for codecs whose frames do not stand alone (optional). The
   * connection asks for a new one for every socket it opens and decodes that socket's frames
   * with it instead of `decode`.
   */
  createDecoder?(): StreamDecoder;
  /**
   * The conversation store's support for the events beyond text, tool calls, runs and errors
   * (reasoning, messages snapshots, activities, agent state, chunks), carried by the codec that
   * decodes them so that apps on other codecs do not bundle it. `agUiCodec` and `agUiProtoCodec`
   * carry it; a custom codec that decodes those events sets `conversation:
   * agUiCodec.conversation`. Without it the store passes those events to `onEvent` only.
   */
  readonly conversation?: object;
}
