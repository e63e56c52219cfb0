import type { ConversationState } from "../../store/types";
import type { ReadableStore } from "../../core/readable-store";

/**
 * What `useAgentCoreConversationRuntime` drives: a conversation store (`useAgentRuntimeStore`,
 * `createConversationStore`) that takes text messages. Any codec's conversation fits.
 */
export interface AgentCoreConversation extends ReadableStore<ConversationState<unknown>> {
  send(message: string): string;
  stop(): void;
  reconnect(): void;
  regenerate(id: string): string | null;
  editAndResend(id: string, message: string): string | null;
}

/** The runtimes' `extras` objects, each with the conversation it stands for. */
const conversations = new WeakMap<object, AgentCoreConversation>();

/** The runtime's `extras`: an opaque token that leads the hooks below the provider to `conversation`. */
export function toExtras(conversation: AgentCoreConversation): object {
  const extras = Object.freeze({});
  conversations.set(extras, conversation);
  return extras;
}

/** The conversation behind a thread's `extras`, or `undefined` for another runtime's. */
export function conversationOf(extras: unknown): AgentCoreConversation | undefined {
  return typeof extras === "object" && extras !== null ? conversations.get(extras) : undefined;
}
