"use client";
import { useEffect, useRef, useState } from "react";
import type { AgentEvent } from "../codecs/types";
import type { ConnectionOptions, ConversationConnection } from "../connection/types";
import { toError } from "../core/errors";
import { numberOption, type NumberRule } from "../core/number-option";
import { Conversation } from "../store/conversation";
import { throttledFrameScheduler } from "../store/frame-scheduler";
import { defaultMessageText } from "../store/message-text";
import type { ChatMessage, ConnectMode, PersistOptions } from "../store/types";
import { createAgentRuntimeConnection } from "./create-agent-runtime-connection";
import { useIsomorphicLayoutEffect } from "./use-isomorphic-layout-effect";

/** Options of `useAgentRuntimeSocket` and `useAgentRuntimeStore`. */
export interface AgentRuntimeSocketOptions<Outgoing = string> extends ConnectionOptions<Outgoing> {
  /**
   * When to open the socket: `"eager"` (default) on mount, `"on-send"` on the first `send()`,
   * `"manual"` only when you call `connect()` (messages sent before that wait in the outbox).
   */
  connect?: ConnectMode;
  /** Called once per assistant message that finishes (`complete`, `stopped` or `error`). */
  onMessage?: (message: ChatMessage) => void;
  /** Called once for every new error (connection, provider, agent, or a refused send). */
  onError?: (error: Error) => void;
  /** Every decoded agent event, including ones the store does not show (state, custom). */
  onEvent?: (event: AgentEvent) => void;
  /** The text shown for a user message. Default: the string itself, otherwise its JSON. */
  messageText?: (message: Outgoing) => string;
  /**
   * Most characters one agent message may hold; beyond it the rest is dropped, the message is
   * marked `truncated` and `onError` gets an `AgentRuntimeMessageTooLongError` once. Read once,
   * when the conversation is created. Default 1,000,000 (see `createConversationStore`).
   */
  maxMessageChars?: number;
  /**
   * Least milliseconds between two renders of a streaming answer: its text is drawn on an
   * animation frame at most this often (the first text after a pause shows on the next frame).
   * An answer's end, errors and status changes show at once. Lower is smoother and costs more;
   * 0 draws on every frame. Read once, when the conversation is created. Default 50.
   */
  streamingInterval?: number;
  /**
   * Builds the connection (advanced: a custom transport or a test double). Default:
   * `new AgentRuntimeConnection(options)`.
   */
  createConnection?: (options: ConnectionOptions<Outgoing>) => ConversationConnection<Outgoing>;
  /**
   * Keeps the conversation between page loads: `{ storage: indexedDbPersistence(), key }`
   * (`agentcore-react/persist`). On mount the kept messages, outbox and session come back and,
   * with `delivery` on, the answer that was streaming carries on; a key another tab holds
   * fails the conversation with `ConversationOpenElsewhereError`. Read once. See
   * docs/persistence.md.
   */
  persist?: PersistOptions;
}

interface TrackedConversation<Outgoing> {
  /** The `sessionId` option the conversation was made for. */
  sessionId: string | undefined;
  conversation: Conversation<Outgoing>;
}

/** Milliseconds between renders of a streaming answer unless `streamingInterval` says otherwise. */
const DEFAULT_STREAMING_INTERVAL = 50;

function noop(): void {}

/**
 * Owns one conversation (connection + store) for the life of the component, without
 * subscribing to its state: the component that calls it does not re-render as messages stream.
 * Pass the returned store to `useConversation` (or `<AgentChat chat>`) where parts of it show.
 *
 * - The connection is created once per mounted component, after mount (never while rendering,
 *   never on a server). React StrictMode's mount/unmount/mount keeps that one connection.
 * - Unmounting closes it. Changing `sessionId` starts a new conversation with a new connection;
 *   passing back the id the connection adopted from a backend does not.
 * - `urlProvider` and the callbacks are read when they are used, so new identities (inline
 *   functions) never reconnect; the next URL comes from the latest provider. Every other
 *   connection option is read once, when the connection is created.
 */
export function useAgentRuntimeStore<Outgoing = string>(
  options: AgentRuntimeSocketOptions<Outgoing>,
): Conversation<Outgoing> {
  const latest = useRef(options);
  useIsomorphicLayoutEffect(() => {
    latest.current = options;
  });

  const [tracked, setTracked] = useState<TrackedConversation<Outgoing>>(() => ({
    sessionId: options.sessionId,
    conversation: createConversation(latest, options.sessionId),
  }));
  let { conversation } = tracked;
  if (tracked.sessionId !== options.sessionId) {
    const inUse = conversation.getState().connection.sessionId;
    const sameConversation = options.sessionId !== undefined && options.sessionId === inUse;
    if (!sameConversation) conversation = createConversation(latest, options.sessionId);
    setTracked({ sessionId: options.sessionId, conversation });
  }

  useEffect(() => {
    const unlink = [
      conversation.onMessageFinished((message) => latest.current.onMessage?.(message)),
      conversation.onError((error) => latest.current.onError?.(error)),
      conversation.onEvent((event) => latest.current.onEvent?.(event)),
    ];
    // Holding the conversation creates its connection; letting go closes it.
    const release = conversation.subscribe(noop);
    return () => {
      release();
      for (const stop of unlink) stop();
    };
  }, [conversation]);

  // A switch to "eager" after mount opens a conversation that never opened.
  const connectMode = options.connect ?? "eager";
  useEffect(() => {
    if (connectMode === "eager" && conversation.getState().connection.status === "idle") {
      conversation.connect();
    }
  }, [conversation, connectMode]);

  return conversation;
}

/**
 * A numeric option checked while rendering without throwing there: an invalid value is thrown
 * when the connection is built, which fails the conversation with that error (as an invalid
 * connection option does) instead of crashing the component.
 */
function checkNumber(
  name: string,
  value: number | undefined,
  rule: NumberRule,
): { value?: number; error?: Error } {
  if (value === undefined) return {};
  try {
    return { value: numberOption(name, value, rule) };
  } catch (error) {
    return { error: toError(error) };
  }
}

function createConversation<Outgoing>(
  latest: { readonly current: AgentRuntimeSocketOptions<Outgoing> },
  sessionId: string | undefined,
): Conversation<Outgoing> {
  const maxMessageChars = checkNumber(
    "maxMessageChars",
    latest.current.maxMessageChars,
    "a whole number >= 1",
  );
  const streamingInterval = checkNumber(
    "streamingInterval",
    latest.current.streamingInterval,
    "a finite number >= 0",
  );
  const invalid = maxMessageChars.error ?? streamingInterval.error;
  return new Conversation<Outgoing>({
    placeholderSessionId: sessionId,
    codec: latest.current.codec,
    connect: () => latest.current.connect ?? "eager",
    messageText: (message) => (latest.current.messageText ?? defaultMessageText)(message),
    maxMessageChars: maxMessageChars.value,
    scheduler: throttledFrameScheduler(streamingInterval.value ?? DEFAULT_STREAMING_INTERVAL),
    ...(latest.current.persist ? { persist: latest.current.persist } : {}),
    connection: (init) => {
      if (invalid) throw invalid;
      const {
        connect: _connect,
        onMessage: _onMessage,
        onError: _onError,
        onEvent: _onEvent,
        messageText: _messageText,
        maxMessageChars: _maxMessageChars,
        streamingInterval: _streamingInterval,
        createConnection = createAgentRuntimeConnection,
        sessionId: _sessionId,
        persist: _persist,
        ...connectionOptions
      } = latest.current;
      const kept = init.sessionId ?? sessionId;
      return createConnection({
        ...connectionOptions,
        ...(kept === undefined ? {} : { sessionId: kept }),
        urlProvider: (context) => latest.current.urlProvider(context),
      });
    },
  });
}
