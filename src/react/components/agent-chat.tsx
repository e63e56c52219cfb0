"use client";

import { useMemo } from "react";
import { useAgentRuntimeStore, type AgentRuntimeSocketOptions } from "../use-agent-runtime-store";
import { ChatView, type AgentChatViewProps } from "./chat-view";
import type { AgentChatController, AgentChatSource } from "./types";

/** `<AgentChat>` over a conversation the app owns (the hook's result, or a store with actions). */
export interface AgentChatWithConversationProps extends AgentChatViewProps {
  /** The conversation to show: `useAgentRuntimeSocket`'s result, a conversation store, or any {@link AgentChatController}. */
  chat: AgentChatSource;
  urlProvider?: never;
}

/**
 * `<AgentChat>` that opens and owns its conversation: every option of `useAgentRuntimeSocket`
 * (`urlProvider`, `sessionId`, `codec`, `retry`, `onMessage`, …) as a prop.
 */
export type AgentChatWithSocketProps = AgentChatViewProps &
  AgentRuntimeSocketOptions<string> & {
    chat?: undefined;
  };

/** Props of {@link AgentChat}: either `chat`, or `urlProvider` and the other socket options. */
export type AgentChatProps = AgentChatWithConversationProps | AgentChatWithSocketProps;

/** The props that shape the UI; everything else goes to the socket. */
const VIEW_PROPS = new Set<string>([
  "markdown",
  "labels",
  "suggestions",
  "theme",
  "density",
  "dir",
  "className",
  "style",
  "renderMessage",
  "emptyState",
  "header",
  "placeholder",
  "autoFocus",
  "pageSize",
  "children",
]);

function splitProps(
  props: AgentChatWithSocketProps,
): [AgentChatViewProps, AgentRuntimeSocketOptions<string>] {
  const view: Record<string, unknown> = {};
  const socket: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (key === "chat") continue;
    (VIEW_PROPS.has(key) ? view : socket)[key] = value;
  }
  return [view as AgentChatViewProps, socket as unknown as AgentRuntimeSocketOptions<string>];
}

/** Opens the conversation with `useAgentRuntimeStore`, which does not re-render this component per chunk. */
function AgentChatWithSocket(props: AgentChatWithSocketProps) {
  const [view, socket] = splitProps(props);
  const handle = useAgentRuntimeStore(socket);
  const chat = useMemo<AgentChatController>(
    () => ({
      store: handle,
      send: handle.send,
      stop: handle.stop,
      retry: handle.retry,
      reconnect: handle.reconnect,
    }),
    [handle],
  );
  return <ChatView {...view} chat={chat} />;
}

/**
 * The drop-in chat: connection banner, message list and composer over one conversation.
 *
 * - `<AgentChat urlProvider={backendUrlProvider({ endpoint: "/api/agentcore-url" })} />` opens
 *   and owns the socket (every `useAgentRuntimeSocket` option is a prop).
 * - `<AgentChat chat={useAgentRuntimeSocket(options)} />` shows a conversation the app owns.
 *
 * Pass parts (`MessageList`, `Composer`, …) as children for a layout of your own.
 */
export function AgentChat(props: AgentChatProps) {
  if (props.chat) {
    const { chat, ...view } = props;
    return <ChatView {...view} chat={chat} />;
  }
  return <AgentChatWithSocket {...props} />;
}
