import type { AgentEvent } from "../codecs/types";
import type { MessageRecord } from "./message-record";
import type { MessageRecords } from "./message-records";
import type { ToolCalls } from "./tool-calls";

/** What the conversation model lends an extension. */
export interface ExtensionContext {
  records: MessageRecords;
  toolCalls: ToolCalls;
  /** Messages the agent started explicitly and has not ended yet. */
  open: Set<string>;
  /** True after `stop()`, until the next turn: leftovers open no message. */
  droppingLeftovers(): boolean;
  /** Id-less text no longer goes to the message it went to. */
  forgetCurrent(): unknown;
  /** An error to publish (`error`, `onError`). */
  report(error: Error): unknown;
}

/** One conversation's handling of the events an extension adds. */
export interface ExtensionEvents {
  /** The events `event` stands for, in order (e.g. chunks as start, content and end). */
  expand(event: AgentEvent): AgentEvent[];
  /** Takes in an event the model does not handle itself. */
  apply(event: AgentEvent): void;
  /** A new assistant message `id` starts: a message waiting for it becomes it, or `null`. */
  adopt(id: string): MessageRecord | null;
  /** The record a message of the extension's own (e.g. reasoning) went to. */
  recordOf(id: string): MessageRecord | undefined;
  /** The run ended or was stopped. */
  endRun(): void;
  /** The agent's state, `undefined` until it sends one. */
  readonly agentState: unknown;
}

/**
 * How the store shows the events beyond text, tool calls, runs and errors (AG-UI reasoning,
 * messages snapshots, activities, agent state, chunks). A codec that decodes them carries it as
 * `codec.conversation`, so apps on other codecs do not bundle it.
 */
export abstract class ConversationExtension {
  abstract create(context: ExtensionContext): ExtensionEvents;
}

/** The extension a codec carries, if any. */
export function extensionOf(
  codec: { readonly conversation?: object } | undefined,
): ConversationExtension | undefined {
  const extension = codec?.conversation;
  return extension instanceof ConversationExtension ? extension : undefined;
}
