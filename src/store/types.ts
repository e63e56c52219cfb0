import type { ConnectionSnapshot } from "../connection/types";

/** Who wrote a message. */
export type ChatRole = "user" | "assistant";

/**
 * `pending`: a user message queued for sending. `streaming`: an answer arriving.
 * `complete`: sent (user) or finished (assistant). `stopped`: an answer the user stopped.
 * `error`: a message that failed to send, or an answer the agent ended with an error.
 */
export type ChatMessageStatus = "pending" | "streaming" | "complete" | "stopped" | "error";

/** A tool call the agent made, shown collapsed with its arguments and result. */
export interface ToolCallPart {
  type: "tool-call";
  toolCallId: string;
  name: string;
  /** Arguments as streamed (usually JSON text). */
  args: string;
  result?: string;
  status: "running" | "complete";
}

/** A run of text. */
export interface TextPart {
  type: "text";
  text: string;
}

export type MessagePart = TextPart | ToolCallPart;

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
  /** Epoch ms. */
  createdAt: number;
}

/** The conversation state the store publishes. */
export interface ConversationState {
  messages: readonly ChatMessage[];
  connection: ConnectionSnapshot<unknown>;
  /** The last error worth showing, or `null`. */
  error: Error | null;
  /** True while an assistant answer is streaming. */
  isStreaming: boolean;
}
