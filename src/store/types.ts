import type { AgentEvent, AgentInterrupt, AgentReply, AgentSource, Codec } from "../codecs/types";
import type { AttachmentReference } from "../core/attachment-reference";
import type {
  ConnectionActions,
  ConnectionSnapshot,
  ConversationConnection,
} from "../connection/types";
import type { ReadableStore } from "../core/readable-store";
import type { FrameScheduler } from "./frame-scheduler";
import type { ConversationPersistence } from "./persistence";

/**
 * Who wrote a message. `system` and `developer` messages are instructions the agent lists (AG-UI
 * roles); `activity` messages carry structured progress the agent shows (AG-UI activities).
 */
export type ChatRole = "user" | "assistant" | "system" | "developer" | "activity";

/**
 * `pending`: a user message queued for sending. `streaming`: an answer arriving.
 * `complete`: sent (user) or finished (assistant). `stopped`: an answer the user stopped.
 * `error`: a message that failed to send, or an answer the agent ended with an error.
 */
export type ChatMessageStatus = "pending" | "streaming" | "complete" | "stopped" | "error";

/**
 * Where a tool call is. `running`: its arguments stream, or it runs. `complete`: it ended (its
 * arguments are whole; `result` once it has one). `failed`: a client tool that threw (`error`
 * says why). `interrupted`: the run ended before the call did (the user stopped, the agent
 * reported an error, or the connection closed): it will not finish.
 */
export type ToolCallStatus = "running" | "complete" | "failed" | "interrupted";

/** A tool call the agent made, shown collapsed with its arguments and result. */
export interface ToolCallPart {
  type: "tool-call";
  toolCallId: string;
  name: string;
  /** Arguments as streamed (usually JSON text). */
  args: string;
  result?: string;
  status: ToolCallStatus;
  /** Why the call failed, when `status` is `failed`. */
  error?: string;
}

/** A run of text. */
export interface TextPart {
  type: "text";
  text: string;
}

/** The model's reasoning before (or while) it answers, shown apart from the answer. */
export interface ReasoningPart {
  type: "reasoning";
  text: string;
  /** `streaming` while the reasoning arrives; `complete` once it ended. */
  status: "streaming" | "complete";
}

/** Structured progress (an AG-UI activity): its kind and its content. */
export interface ActivityPart {
  type: "activity";
  activityType: string;
  content: Record<string, unknown>;
}

/**
 * The sources an answer draws on (a `sources` event), listed under it: at most one such part
 * per message, kept after its text, each URL once, at most 20.
 */
export interface SourcesPart {
  type: "sources";
  sources: readonly AgentSource[];
}

export type MessagePart = TextPart | ToolCallPart | ReasoningPart | ActivityPart | SourcesPart;

/** One message of a conversation. */
export interface ChatMessage {
  id: string;
  role: ChatRole;
  /** All text parts joined: what to show when parts do not matter. */
  text: string;
  parts: readonly MessagePart[];
  status: ChatMessageStatus;
  /** Why the message is in `error`, when it is. */
  error?: string;
  /**
   * `true` when the agent sent more than the store keeps (`maxMessageChars`): `text` and
   * `parts` hold the beginning, the rest was dropped. Absent otherwise.
   */
  truncated?: boolean;
  /**
   * On a user message that starts one of several versions of its turn (after a regenerate or
   * an edit): which version is shown. Absent while the turn has one version.
   */
  branch?: MessageBranch;
  /**
   * The files a user message carries (sent as references, never as bytes); absent when it
   * has none.
   */
  attachments?: readonly AttachmentReference[];
  /** Epoch ms. */
  createdAt: number;
}

/** Which version of a turn a message starts: `index` (from 0) of `count`. */
export interface MessageBranch {
  index: number;
  count: number;
}

/** The conversation state the store publishes. */
export interface ConversationState<Outgoing = string> {
  messages: readonly ChatMessage[];
  connection: ConnectionSnapshot<Outgoing>;
  /** The last error worth showing, or `null`. */
  error: Error | null;
  /** True while an assistant answer is streaming. */
  isStreaming: boolean;
  /**
   * The agent's state (AG-UI `STATE_SNAPSHOT`, updated by `STATE_DELTA` JSON Patches), or
   * `undefined` until the agent sends one. The same object while it does not change.
   */
  agentState: unknown;
  /**
   * What the agent asks before its run can go on (a run that finished with an `interrupt`
   * outcome); empty otherwise. Cleared when the next run starts or the user sends a message.
   */
  pendingInterrupts: readonly AgentInterrupt[];
}

/**
 * What a user can do to a conversation: the connection's actions, each also keeping the
 * messages right (a sent message appears at once, a stopped answer is marked `stopped`), plus
 * `clearError`.
 */
export interface ConversationActions<Outgoing = string> extends ConnectionActions<Outgoing> {
  /** Clears `error` (e.g. when the user dismisses it). */
  clearError(): void;
  /**
   * Sends client tool results and interrupt answers to the agent (through the codec's
   * `encodeReply`), and shows them: each tool call gets its result (status `complete`, or
   * `failed` with an `error`), each answered interrupt leaves `pendingInterrupts`. Reopens the
   * connection like `send()` does.
   *
   * @throws {AgentRuntimeValidationError} when the connection or its codec cannot send replies.
   */
  sendReply(reply: AgentReply): void;
  /**
   * Sends the user message of the turn `id` belongs to (an answer, or the user message itself)
   * again, as a new version of that turn: the old version (that message, its answer and all
   * that followed) is kept as a branch, see `selectBranch`. Returns the new message's id, or
   * `null` when nothing was sent: while an answer is in progress or a message waits to be
   * sent, for an unknown or hidden message, or a turn with no user message the store sent.
   *
   * @throws what `send` throws; the old version is then shown again.
   */
  regenerate(id: string): string | null;
  /**
   * Like `regenerate`, but sends `message` (the edited text) instead of the turn's message.
   *
   * @throws what `send` throws; the old version is then shown again.
   */
  editAndResend(id: string, message: Outgoing): string | null;
  /**
   * Shows version `index` (from 0) of the turn the user message `id` starts (its
   * `branch.index`); `messages` become that path. Does nothing while an answer is in progress
   * or a message waits to be sent, or for an index out of range.
   */
  selectBranch(id: string, index: number): void;
}

/** Notifications a conversation emits besides state changes. Each returns its unsubscribe. */
export interface ConversationEvents {
  /**
   * Called once per assistant message that leaves `streaming` (status `complete`, `stopped` or
   * `error`), with the message as published.
   */
  onMessageFinished(listener: (message: ChatMessage) => void): () => void;
  /** Called once for every new error published as `error`. */
  onError(listener: (error: Error) => void): () => void;
  /** Every decoded agent event, including ones the messages do not show (state, custom). */
  onEvent(listener: (event: AgentEvent) => void): () => void;
}

/**
 * When a conversation opens its connection: `"eager"` when it is first subscribed to,
 * `"on-send"` on the first `send()`, `"manual"` only on `connect()`. Except in `"manual"` mode,
 * `send()` also reopens a conversation that is closed or failed.
 */
export type ConnectMode = "eager" | "on-send" | "manual";

/** A conversation store: state to read and watch, the actions, and the events. */
export interface ConversationStore<Outgoing = string>
  extends
    ReadableStore<ConversationState<Outgoing>>,
    ConversationActions<Outgoing>,
    ConversationEvents {
  /**
   * Stops listening to the connection and cancels a pending publish; a connection the store
   * built is also closed. A connection you passed in is left as it is.
   */
  destroy(): void;
}

/** What the store tells a connection it builds. */
export interface ConnectionInit {
  /** The runtime session id to go on with (`persist` restored it); build with it when given. */
  sessionId?: string;
}

/** Where and under which key a conversation is kept between page loads (`persist`). */
export interface PersistOptions {
  /** Where it is kept: `indexedDbPersistence()` from `agentcore-react/persist`, or your own. */
  storage: ConversationPersistence;
  /** The app's key for this conversation (e.g. a route id): one tab at a time holds it. */
  key: string;
  /** Least time between two saves while the conversation changes, in ms. Default 250. */
  saveEveryMs?: number;
}

/** Options of `createConversationStore`. */
export interface ConversationStoreOptions<Outgoing = string> {
  /**
   * The connection, or a function that builds it. A connection you pass is yours: the store
   * never closes it. One the store builds is created when the store is first subscribed to
   * (never while rendering on a server) and closed a microtask after the last subscriber
   * leaves, so React StrictMode's unmount and remount keeps it.
   */
  connection:
    ConversationConnection<Outgoing> | ((init: ConnectionInit) => ConversationConnection<Outgoing>);
  /**
   * When to open the connection. Default: `"manual"` for a connection you pass (you call
   * `connect()`), `"eager"` for one the store builds. A function is read when it is needed.
   */
  connect?: ConnectMode | (() => ConnectMode);
  /**
   * How streamed updates are coalesced. Default: one publish per animation frame
   * (`requestAnimationFrame`), or a `setTimeout(0)` where there are no frames.
   */
  scheduler?: FrameScheduler;
  /** The text of a user message, from what was sent. Default: the string itself, else JSON. */
  messageText?: (message: Outgoing) => string;
  /** Clock for `createdAt`. Default `Date.now`. */
  now?: () => number;
  /**
   * Most characters (UTF-16 code units) one agent message may hold, counting its text and its
   * tool calls' arguments and results. What arrives beyond is dropped: the message keeps its
   * beginning, is marked `truncated`, and an `AgentRuntimeMessageTooLongError` is reported once
   * (`onError`, and `error`). Bounds memory and rendering against a hostile or runaway agent;
   * user messages are not capped. A whole number >= 1, default 1,000,000.
   *
   * @throws {AgentRuntimeValidationError} from `createConversationStore` when invalid.
   */
  maxMessageChars?: number;
  /** The session id shown before a built connection exists (e.g. the one the app passes). */
  placeholderSessionId?: string;
  /**
   * Keeps the conversation between page loads (docs/persistence.md): messages, the outbox, the
   * session id and, with delivery on, where the answer in progress stands. Needs a connection
   * the store builds. Read once. Off by default.
   */
  persist?: PersistOptions;
  /**
   * The codec whose `conversation` support the store uses when the connection does not name
   * its codec (a custom `ConversationConnection` without `codec`).
   */
  codec?: Codec<Outgoing>;
}
