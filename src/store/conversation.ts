import type { AgentEvent, AgentReply } from "../codecs/types";
import type { ConversationConnection } from "../connection/types";
import { toError } from "../core/errors";
import { listen, notify } from "../core/listeners";
import { numberOption } from "../core/number-option";
import { ConversationBinding, NO_INTERRUPTS } from "./conversation-binding";
import { extensionOf } from "./conversation-extension";
import type { ConversationKeeper } from "./conversation-keeper";
import { loadKeeper } from "./load-keeper";
import type { RestoredMessages } from "./conversation-model-options";
import { ConversationReleasedError, ConversationRestoringError } from "./errors";
import { animationFrameScheduler } from "./frame-scheduler";
import { idleSnapshot } from "./idle-snapshot";
import { defaultMessageText } from "./message-text";
import type { ConnectionReason } from "../connection/reasons";
import type {
  ChatMessage,
  ConnectionInit,
  ConnectMode,
  ConversationState,
  ConversationStore,
  ConversationStoreOptions,
  PersistOptions,
} from "./types";

/** Default `maxMessageChars`: one million characters, about 1 MB of English text. */
export const DEFAULT_MAX_MESSAGE_CHARS = 1_000_000;

type StateListener<Outgoing> = (
  state: ConversationState<Outgoing>,
  previous: ConversationState<Outgoing>,
) => void;

/**
 * A conversation: the store of its messages and connection state, the actions on it, and its
 * events. Framework-free; the React hooks only subscribe to it.
 *
 * With a connection it builds itself (`connection: () => new AgentRuntimeConnection(...)`), the
 * conversation exists while someone subscribes: the connection is created on the first
 * subscription (never while rendering on a server), and closed a microtask after the last one
 * ends, so an unsubscribe followed at once by a subscribe (React StrictMode) keeps it. Until
 * then it reads as an idle, empty conversation.
 */
export class Conversation<Outgoing = string> implements ConversationStore<Outgoing> {
  #binding: ConversationBinding<Outgoing> | null = null;
  readonly #build: ((init: ConnectionInit) => ConversationConnection<Outgoing>) | null;
  readonly #options: ConversationStoreOptions<Outgoing>;
  readonly #maxMessageChars: number;
  /** The idle, empty state shown while a built connection does not exist. */
  readonly #placeholder: ConversationState<Outgoing>;
  /** What a server renders: the placeholder, or the first state of a connection passed in. */
  readonly #initial: ConversationState<Outgoing>;
  #current: ConversationState<Outgoing>;
  #holders = 0;
  #releaseScheduled = false;
  /** The built connection was closed when the last subscriber left; `send()` refuses. */
  #released = false;
  /** Why the connection could not be built (e.g. an invalid option), once it failed. */
  #creationError: Error | null = null;
  /** With `persist`: what keeps the conversation, once its key is claimed and read. */
  #keeper: ConversationKeeper<Outgoing> | null = null;
  #restoring = false;
  readonly #listeners = new Set<StateListener<Outgoing>>();
  readonly #finishedListeners = new Set<(message: ChatMessage) => void>();
  readonly #errorListeners = new Set<(error: Error) => void>();
  readonly #eventListeners = new Set<(event: AgentEvent) => void>();

  /** @throws {AgentRuntimeValidationError} for an invalid `maxMessageChars`. */
  constructor(options: ConversationStoreOptions<Outgoing>) {
    this.#options = options;
    this.#maxMessageChars = numberOption(
      "maxMessageChars",
      options.maxMessageChars ?? DEFAULT_MAX_MESSAGE_CHARS,
      "a whole number >= 1",
    );
    const { connection } = options;
    this.#build = typeof connection === "function" ? connection : null;
    this.#placeholder = {
      messages: [],
      connection: idleSnapshot(options.placeholderSessionId ?? ""),
      error: null,
      isStreaming: false,
      agentState: undefined,
      pendingInterrupts: NO_INTERRUPTS,
    };
    if (typeof connection !== "function") this.#binding = this.#bind(connection);
    this.#initial = this.#binding?.state ?? this.#placeholder;
    this.#current = this.#initial;
  }

  /** The connection, once it exists. */
  get connection(): ConversationConnection<Outgoing> | null {
    return this.#binding?.connection ?? null;
  }

  getState = (): ConversationState<Outgoing> => this.#current;

  getInitialState = (): ConversationState<Outgoing> => this.#initial;

  /** Also holds the conversation: the first subscription creates a built connection. */
  subscribe = (listener: StateListener<Outgoing>): (() => void) => {
    const stop = listen(this.#listeners, listener);
    this.#hold();
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      stop();
      this.#release();
    };
  };

  /**
   * Unless the connect mode is `manual`, it first opens a connection that is `idle`, `closed`
   * or `failed`: sending is a request to talk.
   *
   * @throws {ConversationReleasedError} once the conversation closed its built connection.
   */
  send = (message: Outgoing): string => this.#sending((binding) => binding.send(message));

  /**
   * Sends the turn of `id` again as a new version; see {@link ConversationActions.regenerate}.
   * Opens the connection as `send` does.
   */
  regenerate = (id: string): string | null => this.#sending((binding) => binding.resend(id));

  /** Sends `message` as a new version of the turn of `id`; see `regenerate`. */
  editAndResend = (id: string, message: Outgoing): string | null =>
    this.#sending((binding) => binding.resend(id, { message }));

  selectBranch = (id: string, index: number): void =>
    this.#act((binding) => binding.selectBranch(id, index));

  /**
   * Opens the connection like `send()`.
   *
   * @throws {ConversationReleasedError} once the conversation closed its built connection.
   * @throws {AgentRuntimeValidationError} when the connection or its codec cannot send replies.
   */
  sendReply = (reply: AgentReply): void => this.#sending((binding) => binding.sendReply(reply));

  stop = (): void => this.#act((binding) => binding.stop());
  retry = (id: string): void => this.#act((binding) => binding.retry(id));
  dismiss = (id: string): void => this.#act((binding) => binding.dismiss(id));
  reconnect = (): void => this.#act((binding) => binding.connection.reconnect());
  connect = (): void => this.#act((binding) => binding.connection.connect());
  close = (): void => this.#act((binding) => binding.close());
  clearError = (): void => this.#act((binding) => binding.clearError());

  onMessageFinished = (listener: (message: ChatMessage) => void): (() => void) =>
    listen(this.#finishedListeners, listener);

  onError = (listener: (error: Error) => void): (() => void) =>
    listen(this.#errorListeners, listener);

  onEvent = (listener: (event: AgentEvent) => void): (() => void) =>
    listen(this.#eventListeners, listener);

  /**
   * Stops listening to the connection and cancels a pending publish; a connection the
   * conversation built is also closed. A connection you passed in is left as it is.
   */
  destroy(): void {
    const binding = this.#binding;
    if (!binding) return;
    void this.#keeper?.close();
    this.#keeper = null;
    this.#binding = null;
    binding.destroy();
    if (this.#build) binding.connection.close();
  }

  #sending<T>(send: (binding: ConversationBinding<Outgoing>) => T): T {
    if (this.#released) throw new ConversationReleasedError();
    const binding = this.#ensure();
    if (!binding && this.#restoring) throw new ConversationRestoringError();
    if (!binding) throw this.#creationError ?? new ConversationReleasedError();
    if (this.#connectMode() !== "manual") {
      const { status } = binding.state.connection;
      if (status === "idle" || status === "closed" || status === "failed") {
        binding.connection.connect();
      }
    }
    return send(binding);
  }

  #connectMode(): ConnectMode {
    const mode = this.#options.connect ?? (this.#build ? "eager" : "manual");
    return typeof mode === "function" ? mode() : mode;
  }

  #hold(): void {
    this.#holders += 1;
    this.#releaseScheduled = false;
    this.#released = false;
    const binding = this.#ensure();
    if (binding && this.#connectMode() === "eager" && binding.state.connection.status === "idle") {
      binding.connection.connect();
    }
  }

  #release(): void {
    this.#holders = Math.max(0, this.#holders - 1);
    if (this.#holders > 0 || this.#releaseScheduled || !this.#build) return;
    this.#releaseScheduled = true;
    queueMicrotask(() => {
      if (!this.#releaseScheduled || this.#holders > 0) return;
      this.#releaseScheduled = false;
      if (!this.#binding && !this.#restoring) return;
      this.#released = true;
      this.destroy();
      this.#emit(this.#placeholder);
    });
  }

  #act(action: (binding: ConversationBinding<Outgoing>) => void): void {
    if (this.#released) return;
    const binding = this.#ensure();
    if (binding) action(binding);
  }

  /**
   * The binding, built on first need; `null` when the connection cannot be built. That failure
   * (e.g. an invalid option) is published as a `failed` conversation with the error, and
   * reported to `onError`, instead of throwing out of a React effect.
   */
  #ensure(): ConversationBinding<Outgoing> | null {
    if (this.#binding) return this.#binding;
    if (this.#creationError || !this.#build) return null;
    if (this.#options.persist && !this.#keeper) return this.#restore(this.#options.persist);
    const keeper = this.#keeper;
    let connection: ConversationConnection<Outgoing>;
    try {
      connection = this.#build(keeper?.init ?? {});
    } catch (thrown) {
      return this.#fail(toError(thrown), "invalid-options");
    }
    const binding = this.#bind(connection, keeper?.restore(connection));
    this.#binding = binding;
    keeper?.watch({
      messages: () => (binding.publish(), binding.state.messages),
      subscribe: (listener) => listen(this.#listeners, listener),
    });
    this.#emit(binding.state);
    return binding;
  }

  /** Publishes a `failed` conversation with `error` and reports it; the store stays so. */
  #fail(error: Error, reason: ConnectionReason | null): null {
    this.#creationError = error;
    const failed = { ...this.#placeholder.connection, status: "failed" as const, error, reason };
    this.#emit({ ...this.#placeholder, connection: failed, error });
    notify(this.#errorListeners, error);
    return null;
  }

  /** Claims and reads the kept conversation (once), then builds the connection with it. */
  #restore(persist: PersistOptions): null {
    if (this.#restoring) return null;
    this.#restoring = true;
    const restored = (opened: ConversationKeeper<Outgoing> | Error): void => {
      this.#restoring = false;
      if (opened instanceof Error) return void this.#fail(opened, null);
      if (this.#released) return void opened.close();
      this.#keeper = opened;
      if (this.#connectMode() === "eager") this.connect();
    };
    loadKeeper<Outgoing>(persist).then(restored, (error) => restored(toError(error)));
    return null;
  }

  #bind(
    connection: ConversationConnection<Outgoing>,
    restored?: RestoredMessages,
  ): ConversationBinding<Outgoing> {
    const options = this.#options;
    return new ConversationBinding(connection, {
      restored,
      scheduler: options.scheduler ?? animationFrameScheduler,
      messageText: options.messageText ?? defaultMessageText,
      maxMessageChars: this.#maxMessageChars,
      now: options.now ?? Date.now,
      extension: extensionOf(connection.codec ?? options.codec),
      output: {
        state: (state) => this.#emit(state),
        messageFinished: (message) => notify(this.#finishedListeners, message),
        error: (error) => notify(this.#errorListeners, error),
        event: (event) => notify(this.#eventListeners, event),
      },
    });
  }

  #emit(state: ConversationState<Outgoing>): void {
    const previous = this.#current;
    if (state === previous) return;
    this.#current = state;
    notify(this.#listeners, state, previous);
  }
}
