import {
  AgentRuntimeConnection,
  type AgentEvent,
  type ConnectionOptions,
  type ConnectionSnapshot,
} from "./lib";

/** One message as the interim chat shows it. */
export interface InterimMessage {
  id: string;
  role: "user" | "assistant";
  text: string;
  status: "pending" | "streaming" | "complete" | "stopped" | "error";
}

/** What the interim chat renders. */
export interface InterimState {
  messages: readonly InterimMessage[];
  connectionState: ConnectionSnapshot;
  isStreaming: boolean;
}

/**
 * A minimal conversation over `AgentRuntimeConnection`, used by the demo until the library's
 * `useAgentRuntimeSocket` and `<AgentChat>` are available: user messages mirror the outbox,
 * answers are built from `text-delta` / `message-end`.
 */
export class InterimConversation {
  readonly connection: AgentRuntimeConnection<string>;
  #state: InterimState;
  #listeners = new Set<() => void>();
  #answerId = 0;
  /** After stop(): drop text until the agent confirms the end (only with a cancel frame). */
  #discarding = false;

  constructor(options: ConnectionOptions<string>) {
    this.connection = new AgentRuntimeConnection(options);
    this.#state = {
      messages: [],
      connectionState: this.connection.getSnapshot(),
      isStreaming: false,
    };
    this.connection.subscribe(() => this.#onSnapshot());
    this.connection.onEvent((event) => this.#onEvent(event));
  }

  getState = (): InterimState => this.#state;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  send = (text: string): string => {
    const { status } = this.connection.getSnapshot();
    if (status === "closed" || status === "failed") this.connection.connect();
    const id = this.connection.send(text);
    this.#update([...this.#state.messages, { id, role: "user", text, status: "pending" }]);
    this.#onSnapshot();
    return id;
  };

  stop = (): void => {
    this.#discarding = this.connection.getSnapshot().status === "open";
    this.#finishAnswer("stopped");
    this.connection.stop();
  };

  #onSnapshot(): void {
    const snapshot = this.connection.getSnapshot();
    const outbox = new Map(snapshot.outbox.map((entry) => [entry.id, entry.status]));
    let messages = this.#state.messages.map((message): InterimMessage => {
      const sent = outbox.get(message.id);
      if (message.role !== "user" || sent === undefined) return message;
      const status: InterimMessage["status"] =
        sent === "queued" ? "pending" : sent === "sent" ? "complete" : "error";
      return status === message.status ? message : { ...message, status };
    });
    // A stream that dies mid-answer cannot finish that answer.
    if (snapshot.status !== "open" && this.#state.isStreaming) {
      messages = messages.map((message): InterimMessage =>
        message.status === "streaming" ? { ...message, status: "error" } : message,
      );
      this.#discarding = false;
    }
    this.#state = { ...this.#state, connectionState: snapshot };
    this.#update(messages);
  }

  #onEvent(event: AgentEvent): void {
    if (event.type === "text-delta") {
      if (this.#discarding) return;
      const last = this.#state.messages.at(-1);
      if (last?.role === "assistant" && last.status === "streaming") {
        this.#update([
          ...this.#state.messages.slice(0, -1),
          { ...last, text: last.text + event.delta },
        ]);
      } else {
        const id = `answer-${++this.#answerId}`;
        const answer: InterimMessage = {
          id,
          role: "assistant",
          text: event.delta,
          status: "streaming",
        };
        this.#update([...this.#state.messages, answer]);
      }
    } else if (event.type === "message-end" || event.type === "run-finished") {
      this.#discarding = false;
      this.#finishAnswer("complete");
    } else if (event.type === "error") {
      this.#finishAnswer("error");
    }
  }

  #finishAnswer(status: InterimMessage["status"]): void {
    this.#update(
      this.#state.messages.map((message) =>
        message.status === "streaming" ? { ...message, status } : message,
      ),
    );
  }

  #update(messages: readonly InterimMessage[]): void {
    const isStreaming = messages.some((message) => message.status === "streaming");
    this.#state = { ...this.#state, messages, isStreaming };
    for (const listener of [...this.#listeners]) listener();
  }
}
