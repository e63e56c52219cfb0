import type { AgentEvent, AgentInterrupt, AgentReply } from "../../../codecs/types";
import type { ConnectionSnapshot } from "../../../connection/types";
import type {
  ChatMessage,
  ConversationState,
  MessagePart,
  ToolCallPart,
} from "../../../store/types";
import type { ChatInput } from "../../../core/attachment-reference";
import type { ChatStore } from "../types";
import { idleSnapshot } from "../../../store/idle-snapshot";

/**
 * A conversation driven by hand, for tests and stories: the same state shape as the real
 * store, with helpers to stream answers, fail messages and change the connection.
 */
export interface ScriptedChat extends ChatStore {
  /** Every call the UI made, in order. */
  readonly calls: {
    /** The text of each message sent. */
    send: string[];
    /** What each `send` got: the text, or the text with its attachments. */
    inputs: ChatInput[];
    stop: number;
    retry: string[];
    reconnect: number;
    replies: AgentReply[];
  };
  /** Records the reply and shows it like the store does (results, answered interrupts). */
  sendReply(reply: AgentReply): void;
  /** Sets what the agent asks before its run goes on (an AG-UI interrupt outcome). */
  setInterrupts(interrupts: AgentInterrupt[]): void;
  setConnection(patch: Partial<ConnectionSnapshot<string>>): void;
  addMessage(message: Partial<ChatMessage> & Pick<ChatMessage, "role">): ChatMessage;
  updateMessage(id: string, patch: Partial<ChatMessage>): void;
  /** Starts a streaming answer; returns its id. */
  startAnswer(): string;
  appendText(id: string, delta: string): void;
  addToolCall(id: string, call: Omit<ToolCallPart, "type">): void;
  updateToolCall(id: string, toolCallId: string, patch: Partial<ToolCallPart>): void;
  finishAnswer(id: string, status?: "complete" | "stopped" | "error", error?: string): void;
  /** Streams `text` in chunks every `intervalMs` (real timers); resolves with the answer id. */
  streamAnswer(
    text: string,
    options?: { chunkSize?: number; intervalMs?: number; finish?: boolean },
  ): Promise<string>;
}

/** Options of {@link createScriptedChat}. */
export interface ScriptedChatOptions {
  messages?: ChatMessage[];
  connection?: Partial<ConnectionSnapshot<string>>;
  /** Runs after each `send` (e.g. to stream an answer back). */
  onSend?: (text: string, chat: ScriptedChat) => void;
  /** What `send` does instead of queueing, e.g. throw to simulate a refused frame. */
  sendOverride?: (text: string) => string;
  /** Runs after `reconnect` (e.g. to open the connection again). */
  onReconnect?: (chat: ScriptedChat) => void;
  /** Runs after `retry` (e.g. to deliver the message and answer it). */
  onRetry?: (id: string, chat: ScriptedChat) => void;
  /** Leave out `reconnect`, as a controller that cannot reconnect would. */
  withoutReconnect?: boolean;
  /**
   * Agent events the chat's `onEvent` gives each listener as it subscribes (a partial voice
   * transcript, say): a listener that subscribes late, as a lazily loaded part does, still
   * hears them.
   */
  events?: AgentEvent[];
}

/** A connection snapshot: open and online unless patched. */
export function connectionSnapshot(
  patch: Partial<ConnectionSnapshot<string>> = {},
): ConnectionSnapshot<string> {
  return {
    ...idleSnapshot<string>("scripted-session-0000000000000000000000"),
    status: "open",
    ...patch,
  };
}

let nextId = 0;
function newId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** A message with sensible defaults. */
export function chatMessage(patch: Partial<ChatMessage> & Pick<ChatMessage, "role">): ChatMessage {
  const text = patch.text ?? "";
  return {
    id: newId(patch.role),
    text,
    parts: text ? [{ type: "text", text }] : [],
    status: "complete",
    createdAt: 0,
    ...patch,
  };
}

/** `count` alternating user/agent messages, for long-thread tests. */
export function longThread(count: number): ChatMessage[] {
  return Array.from({ length: count }, (_, i) =>
    chatMessage({
      id: `long-${i}`,
      role: i % 2 === 0 ? "user" : "assistant",
      text:
        i % 2 === 0
          ? `Question number ${i / 2 + 1}?`
          : `Answer number ${(i + 1) / 2}: ${"lorem ipsum ".repeat((i % 7) + 1)}`,
    }),
  );
}

function withText(message: ChatMessage, delta: string): ChatMessage {
  const parts = [...message.parts];
  const last = parts[parts.length - 1];
  if (last?.type === "text") parts[parts.length - 1] = { type: "text", text: last.text + delta };
  else parts.push({ type: "text", text: delta });
  return { ...message, text: message.text + delta, parts };
}

/** A minimal store with zustand's shape: state, partial updates, listeners. */
function createPlainStore<State extends object>(initial: State) {
  let state = initial;
  const listeners = new Set<(state: State, previous: State) => void>();
  return {
    getState: () => state,
    getInitialState: () => initial,
    subscribe(listener: (state: State, previous: State) => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    setState(patch: Partial<State>) {
      const previous = state;
      state = { ...state, ...patch };
      for (const listener of [...listeners]) listener(state, previous);
    },
  };
}

/** Creates a {@link ScriptedChat}. */
export function createScriptedChat(options: ScriptedChatOptions = {}): ScriptedChat {
  const initialMessages = options.messages ?? [];
  const store = createPlainStore<ConversationState>({
    messages: initialMessages,
    connection: connectionSnapshot(options.connection),
    error: null,
    isStreaming: initialMessages.some((m) => m.status === "streaming"),
    agentState: undefined,
    pendingInterrupts: [],
  });

  const mapMessages = (update: (message: ChatMessage) => ChatMessage) => {
    const messages = store.getState().messages.map(update);
    store.setState({ messages, isStreaming: messages.some((m) => m.status === "streaming") });
  };
  const patchMessage = (id: string, update: (message: ChatMessage) => ChatMessage) =>
    mapMessages((message) => (message.id === id ? update(message) : message));

  const chat: ScriptedChat = {
    getState: store.getState,
    getInitialState: store.getInitialState,
    subscribe: store.subscribe,
    ...(options.events
      ? {
          onEvent(listener: (event: AgentEvent) => void) {
            for (const event of options.events ?? []) listener(event);
            return () => undefined;
          },
        }
      : {}),
    calls: { send: [], inputs: [], stop: 0, retry: [], reconnect: 0, replies: [] },
    sendReply(reply) {
      chat.calls.replies.push(reply);
      for (const { toolCallId, content, error } of reply.toolResults ?? []) {
        const status = error === undefined ? "complete" : "failed";
        mapMessages((message) => ({
          ...message,
          parts: message.parts.map((part) =>
            part.type === "tool-call" && part.toolCallId === toolCallId
              ? { ...part, result: content, status, ...(error ? { error } : {}) }
              : part,
          ),
        }));
      }
      const answered = new Set(reply.resume?.map((entry) => entry.interruptId));
      const left = store.getState().pendingInterrupts.filter((i) => !answered.has(i.id));
      store.setState({ pendingInterrupts: left });
    },
    setInterrupts(interrupts) {
      store.setState({ pendingInterrupts: interrupts });
    },
    send(input) {
      const text = typeof input === "string" ? input : input.text;
      chat.calls.send.push(text);
      chat.calls.inputs.push(input);
      if (options.sendOverride) return options.sendOverride(text);
      const open = store.getState().connection.status === "open";
      const message = chat.addMessage({
        role: "user",
        text,
        status: open ? "complete" : "pending",
        ...(typeof input === "string" || input.attachments.length === 0
          ? {}
          : { attachments: input.attachments }),
      });
      options.onSend?.(text, chat);
      return message.id;
    },
    stop() {
      chat.calls.stop += 1;
      mapMessages((message) =>
        message.status === "streaming" ? { ...message, status: "stopped" } : message,
      );
    },
    retry(id) {
      chat.calls.retry.push(id);
      patchMessage(id, (message) => ({ ...message, status: "pending", error: undefined }));
      options.onRetry?.(id, chat);
    },
    reconnect() {
      chat.calls.reconnect += 1;
      options.onReconnect?.(chat);
    },
    setConnection(patch) {
      store.setState({ connection: { ...store.getState().connection, ...patch } });
    },
    addMessage(patch) {
      const message = chatMessage(patch);
      const messages = [...store.getState().messages, message];
      store.setState({ messages, isStreaming: messages.some((m) => m.status === "streaming") });
      return message;
    },
    updateMessage(id, patch) {
      patchMessage(id, (message) => ({ ...message, ...patch }));
    },
    startAnswer() {
      return chat.addMessage({ role: "assistant", status: "streaming" }).id;
    },
    appendText(id, delta) {
      patchMessage(id, (message) => withText(message, delta));
    },
    addToolCall(id, call) {
      const part: MessagePart = { type: "tool-call", ...call };
      patchMessage(id, (message) => ({ ...message, parts: [...message.parts, part] }));
    },
    updateToolCall(id, toolCallId, patch) {
      patchMessage(id, (message) => ({
        ...message,
        parts: message.parts.map((part) =>
          part.type === "tool-call" && part.toolCallId === toolCallId
            ? { ...part, ...patch }
            : part,
        ),
      }));
    },
    finishAnswer(id, status = "complete", error) {
      patchMessage(id, (message) => ({ ...message, status, ...(error ? { error } : {}) }));
    },
    async streamAnswer(text, { chunkSize = 6, intervalMs = 30, finish = true } = {}) {
      const id = chat.startAnswer();
      for (let i = 0; i < text.length; i += chunkSize) {
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
        const current = store.getState().messages.find((m) => m.id === id);
        if (current?.status !== "streaming") return id;
        chat.appendText(id, text.slice(i, i + chunkSize));
      }
      if (finish) chat.finishAnswer(id);
      return id;
    },
  };
  if (options.withoutReconnect) delete chat.reconnect;
  return chat;
}
