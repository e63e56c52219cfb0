import type { AgentEvent } from "../codecs/types";
import type { ConversationExtension } from "./conversation-extension";
import type { RestoredMessages } from "./conversation-model";
import type { FrameScheduler } from "./frame-scheduler";
import type { ChatMessage, ConversationState } from "./types";

/** Where a binding sends what it publishes. */
export interface BindingOutput<Outgoing> {
  state(next: ConversationState<Outgoing>): void;
  messageFinished(message: ChatMessage): void;
  error(error: Error): void;
  event(event: AgentEvent): void;
}

/** What a binding needs besides its connection. */
export interface BindingOptions<Outgoing> {
  scheduler: FrameScheduler;
  messageText: (message: Outgoing) => string;
  /** Characters an agent message may hold (checked already). */
  maxMessageChars: number;
  now: () => number;
  output: BindingOutput<Outgoing>;
  /** The codec's support for events beyond text, tool calls, runs and errors, if any. */
  extension?: ConversationExtension | undefined;
  /** Messages kept from an earlier page (`persist`), shown before anything else. */
  restored?: RestoredMessages | undefined;
}
