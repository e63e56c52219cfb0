import { createStore } from "zustand/vanilla";
import type { AgentEvent } from "../codecs/types";
import { toError } from "../core/errors";
import type { ConnectionSnapshot } from "../connection/types";
import { ConversationModel, isUrgent } from "./conversation-model";
import type { ConversationStore, ConversationStoreOptions } from "./conversation-store";
import { AgentRuntimeAgentError } from "./errors";
import { animationFrameScheduler } from "./frame-scheduler";
import { listen, notify } from "../core/listeners";
import type { ChatMessage, ConversationState } from "./types";

/** Shown on an answer that was streaming when the socket closed. */
export const INTERRUPTED_ANSWER = "The connection closed before the answer finished.";

/**
 * Creates the conversation store of one connection: messages built from its outbox and events,
 * its snapshot, the last error, and whether an answer is streaming.
 *
 * Streamed text is coalesced: however fast deltas arrive, the store publishes at most once per
 * animation frame, and at once when a message ends, an error arrives, the user stops, or the
 * connection's snapshot changes. Unchanged message objects (and the ids array, see
 * `selectMessageIds`) keep their identity across publishes, so memoized rows skip re-rendering.
 *
 * @example
 * ```ts
 * const store = createConversationStore({ connection });
 * store.subscribe((state) => render(state.messages));
 * connection.connect();
 * store.send("Hello!");
 * ```
 */
export function createConversationStore<Outgoing = string>(
  options: ConversationStoreOptions<Outgoing>,
): ConversationStore<Outgoing> {
  const { connection } = options;
  const schedule = options.scheduler ?? animationFrameScheduler;
  const messageText = options.messageText ?? defaultMessageText;
  const model = new ConversationModel({
    now: options.now ?? Date.now,
    messageText: (message) => messageText(message as Outgoing),
  });
  const finishedListeners = new Set<(message: ChatMessage) => void>();
  const errorListeners = new Set<(error: Error) => void>();

  let snapshot: ConnectionSnapshot<Outgoing> = connection.getSnapshot();
  let lastSnapshotError = snapshot.error;
  let error: Error | null = snapshot.error;
  let unreportedErrors: Error[] = [];
  let cancelFrame: (() => void) | null = null;
  let destroyed = false;
  model.syncOutbox(snapshot.outbox);

  const buildState = (): ConversationState => ({
    messages: model.messages(),
    connection: snapshot,
    error,
    isStreaming: model.isStreaming(),
  });
  const api = createStore<ConversationState>()(buildState);

  function publish(): void {
    if (cancelFrame) {
      cancelFrame();
      cancelFrame = null;
    }
    const previous = api.getState();
    const next = buildState();
    const changed =
      next.messages !== previous.messages ||
      next.connection !== previous.connection ||
      next.error !== previous.error ||
      next.isStreaming !== previous.isStreaming;
    if (changed) api.setState(next, true);
    for (const message of model.takeFinished()) notify(finishedListeners, message);
    const errors = unreportedErrors;
    unreportedErrors = [];
    for (const reported of errors) notify(errorListeners, reported);
  }

  function publishOnNextFrame(): void {
    if (cancelFrame || destroyed) return;
    cancelFrame = schedule(() => {
      cancelFrame = null;
      publish();
    });
  }

  function report(reported: Error): void {
    error = reported;
    unreportedErrors.push(reported);
  }

  function takeSnapshot(): void {
    const next = connection.getSnapshot();
    if (next === snapshot) return;
    const previous = snapshot;
    snapshot = next;
    if (previous.status === "open" && next.status !== "open") {
      model.interruptAnswer(INTERRUPTED_ANSWER);
    }
    if (next.status === "open" && previous.status !== "open") error = null;
    model.syncOutbox(next.outbox);
    for (const failure of model.takeFailures()) report(failure);
    if (next.error && next.error !== lastSnapshotError) report(next.error);
    lastSnapshotError = next.error;
  }

  function onEvent(event: AgentEvent): void {
    model.applyEvent(event);
    if (event.type === "error") {
      report(new AgentRuntimeAgentError(event.message, { code: event.code, fatal: event.fatal }));
    }
    if (isUrgent(event)) publish();
    else publishOnNextFrame();
  }

  const stopListeningToEvents = connection.onEvent(onEvent);
  const stopListeningToSnapshots = connection.subscribe(() => {
    takeSnapshot();
    publish();
  });
  // The connection may have changed between the first read and subscribing.
  takeSnapshot();
  if (api.getState().connection !== snapshot) publish();

  return {
    connection,
    getState: api.getState,
    subscribe: api.subscribe,
    send(message) {
      error = null;
      model.beginTurn();
      let id: string;
      try {
        id = connection.send(message);
      } catch (cause) {
        report(toError(cause));
        publish();
        throw cause;
      }
      takeSnapshot();
      publish();
      return id;
    },
    stop() {
      // Mark the answer first: stopping may close the socket, which would read as an interruption.
      model.stopAnswer();
      publish();
      connection.stop();
    },
    retry(id) {
      connection.retry(id);
      takeSnapshot();
      publish();
    },
    reconnect() {
      connection.reconnect();
    },
    connect() {
      connection.connect();
    },
    close() {
      model.stopAnswer();
      publish();
      connection.close();
    },
    clearError() {
      error = null;
      publish();
    },
    onMessageFinished: (listener) => listen(finishedListeners, listener),
    onError: (listener) => listen(errorListeners, listener),
    destroy() {
      destroyed = true;
      stopListeningToEvents();
      stopListeningToSnapshots();
      if (cancelFrame) {
        cancelFrame();
        cancelFrame = null;
      }
    },
  };
}

function defaultMessageText(message: unknown): string {
  if (typeof message === "string") return message;
  return JSON.stringify(message) ?? String(message);
}
