import type { AgentEvent } from "../codecs/types";
import { toError } from "../core/errors";
import type { ConnectionSnapshot } from "../connection/types";
import type { ConversationConnection } from "./conversation-connection";
import type {
  ConversationActions,
  ConversationEvents,
  ConversationStore,
  ReadableConversationStore,
} from "./conversation-store";
import { createConversationStore } from "./create-conversation-store";
import { listen, notify } from "../core/listeners";
import type { ChatMessage, ConversationState } from "./types";

/** When a conversation opens its connection. */
export type ConnectMode = "eager" | "on-send" | "manual";

/** Read at the moment they are needed, so callers can swap them without recreating anything. */
export interface ConversationHandleSettings {
  connect: ConnectMode;
  onMessage?: ((message: ChatMessage) => void) | undefined;
  onError?: ((error: Error) => void) | undefined;
  onEvent?: ((event: AgentEvent) => void) | undefined;
}

export interface ConversationHandleOptions<Outgoing = string> {
  /** Builds the connection; called at most once per acquisition cycle. */
  createConnection: () => ConversationConnection<Outgoing>;
  /** Builds the store of a connection. Default `createConversationStore({ connection })`. */
  createStore?: (connection: ConversationConnection<Outgoing>) => ConversationStore<Outgoing>;
  /** The current settings (connect mode, callbacks). */
  settings: () => ConversationHandleSettings;
  /** The session id shown before the connection exists (e.g. the one the app passed). */
  placeholderSessionId?: string | undefined;
}

/** Thrown by `send()` on a conversation whose owner let go of it. */
export class ConversationReleasedError extends Error {
  override readonly name: string = "ConversationReleasedError";
  constructor() {
    super(
      "This conversation was closed when its owner released it (e.g. its component unmounted).",
    );
  }
}

/**
 * A conversation (connection + store) that exists only while someone holds it: created lazily
 * on first use, shared by every holder, and closed when the last holder lets go, one microtask
 * later. The delay lets a release that is at once followed by an acquire (React StrictMode's
 * mount, unmount, mount) keep the same connection, so one conversation opens one socket.
 *
 * Until the connection exists it reads as an idle, empty conversation; it never creates one on
 * its own, so constructing a handle (e.g. while rendering on a server) has no side effects.
 */
export class ConversationHandle<Outgoing = string>
  implements ReadableConversationStore, ConversationActions<Outgoing>, ConversationEvents
{
  #inner: ConversationStore<Outgoing> | null = null;
  #unlinkInner: (() => void) | null = null;
  #holders = 0;
  #releaseScheduled = false;
  #released = false;
  /** Why the connection could not be created (e.g. an invalid option), once it failed. */
  #creationError: Error | null = null;
  #failedState: ConversationState | null = null;
  readonly #placeholder: ConversationState;
  readonly #listeners = new Set<(state: ConversationState, previous: ConversationState) => void>();
  readonly #finishedListeners = new Set<(message: ChatMessage) => void>();
  readonly #errorListeners = new Set<(error: Error) => void>();

  readonly #options: ConversationHandleOptions<Outgoing>;

  constructor(options: ConversationHandleOptions<Outgoing>) {
    this.#options = options;
    this.#placeholder = {
      messages: [],
      connection: idleSnapshot(options.placeholderSessionId ?? ""),
      error: null,
      isStreaming: false,
    };
  }

  /** The connection, once it exists. */
  get connection(): ConversationConnection<Outgoing> | null {
    return this.#inner?.connection ?? null;
  }

  /** The store, once it exists. */
  get store(): ConversationStore<Outgoing> | null {
    return this.#inner;
  }

  getState = (): ConversationState =>
    this.#inner?.getState() ?? this.#failedState ?? this.#placeholder;

  subscribe = (
    listener: (state: ConversationState, previous: ConversationState) => void,
  ): (() => void) => listen(this.#listeners, listener);

  /** Takes a hold, creating the conversation if needed and cancelling a pending close. */
  acquire = (): void => {
    this.#holders += 1;
    this.#releaseScheduled = false;
    this.#released = false;
    this.#tryEnsure();
  };

  /** Lets go of a hold; the last one closes the conversation a microtask later. */
  release = (): void => {
    this.#holders = Math.max(0, this.#holders - 1);
    if (this.#holders > 0 || this.#releaseScheduled) return;
    this.#releaseScheduled = true;
    queueMicrotask(() => {
      if (!this.#releaseScheduled || this.#holders > 0) return;
      this.#releaseScheduled = false;
      this.#dispose();
    });
  };

  /** Opens the connection when it has never been opened (`connect: "eager"`). */
  connectIfIdle = (): void => {
    const store = this.#tryEnsure();
    if (store?.getState().connection.status === "idle") store.connect();
  };

  /**
   * Sends a message; unless the connect mode is `manual`, it first opens a connection that is
   * `idle`, `closed` or `failed`.
   */
  send = (message: Outgoing): string => {
    if (this.#released) throw new ConversationReleasedError();
    const store = this.#tryEnsure();
    if (!store) throw this.#creationError as Error;
    if (this.#options.settings().connect !== "manual") {
      // Sending is a request to talk: open a connection that never opened, was closed, or gave up.
      const { status } = store.getState().connection;
      if (status === "idle" || status === "closed" || status === "failed") store.connect();
    }
    return store.send(message);
  };

  stop = (): void => this.#act((store) => store.stop());
  retry = (id: string): void => this.#act((store) => store.retry(id));
  reconnect = (): void => this.#act((store) => store.reconnect());
  connect = (): void => this.#act((store) => store.connect());
  close = (): void => this.#act((store) => store.close());
  clearError = (): void => this.#act((store) => store.clearError());

  onMessageFinished = (listener: (message: ChatMessage) => void): (() => void) =>
    listen(this.#finishedListeners, listener);

  onError = (listener: (error: Error) => void): (() => void) =>
    listen(this.#errorListeners, listener);

  #act(action: (store: ConversationStore<Outgoing>) => void): void {
    if (this.#released) return;
    const store = this.#tryEnsure();
    if (store) action(store);
  }

  /**
   * The store, created on first need; `null` when the connection cannot be created. That
   * failure (e.g. an invalid option) is published as a `failed` conversation with the error,
   * and reported to `onError`, instead of throwing out of a React effect.
   */
  #tryEnsure(): ConversationStore<Outgoing> | null {
    if (this.#inner) return this.#inner;
    if (this.#creationError) return null;
    let connection: ConversationConnection<Outgoing>;
    try {
      connection = this.#options.createConnection();
    } catch (thrown) {
      const error = toError(thrown);
      this.#creationError = error;
      this.#failedState = {
        ...this.#placeholder,
        connection: {
          ...this.#placeholder.connection,
          status: "failed",
          error,
          reason: error.message,
        },
        error,
      };
      this.#emit(this.#failedState, this.#placeholder);
      this.#reportError(error);
      return null;
    }
    const store =
      this.#options.createStore?.(connection) ?? createConversationStore({ connection });
    const settings = this.#options.settings;
    const unlinks = [
      store.subscribe((state, previous) => this.#emit(state, previous)),
      store.onMessageFinished((message) => {
        const { onMessage } = settings();
        notify(
          onMessage ? [onMessage, ...this.#finishedListeners] : this.#finishedListeners,
          message,
        );
      }),
      store.onError((error) => this.#reportError(error)),
      connection.onEvent((event) => {
        const { onEvent } = settings();
        if (onEvent) notify([onEvent], event);
      }),
    ];
    this.#inner = store;
    this.#unlinkInner = () => unlinks.forEach((unlink) => unlink());
    this.#emit(store.getState(), this.#placeholder);
    return store;
  }

  #dispose(): void {
    const store = this.#inner;
    if (!store) return;
    this.#released = true;
    this.#unlinkInner?.();
    this.#unlinkInner = null;
    this.#inner = null;
    store.destroy();
    store.connection.close();
    this.#emit(this.#placeholder, store.getState());
  }

  #reportError(error: Error): void {
    const { onError } = this.#options.settings();
    notify(onError ? [onError, ...this.#errorListeners] : this.#errorListeners, error);
  }

  #emit(state: ConversationState, previous: ConversationState): void {
    for (const listener of [...this.#listeners]) listener(state, previous);
  }
}

function idleSnapshot(sessionId: string): ConnectionSnapshot<unknown> {
  return {
    status: "idle",
    sessionId,
    attempt: 0,
    nextRetryAt: null,
    reason: null,
    lastCloseCode: null,
    error: null,
    online: true,
    outbox: [],
  };
}
