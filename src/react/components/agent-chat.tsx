"use client";

import { useAgentRuntimeStore, type AgentRuntimeSocketOptions } from "../use-agent-runtime-store";
import { ChatView, type AgentChatViewProps } from "./chat-view";
import type { AgentChatSource } from "./types";

/** `<AgentChat>` over a conversation the app owns (a store, or the hook's result). */
export interface AgentChatWithConversationProps extends AgentChatViewProps {
  /** The conversation to show: `useAgentRuntimeSocket`'s result, or a conversation store. */
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

/** The props that shape the UI, and the rest, which go to the socket. */
function splitProps({
  markdown,
  attachments,
  voice,
  labels,
  roles,
  suggestions,
  theme,
  density,
  dir,
  className,
  style,
  renderMessage,
  emptyState,
  header,
  placeholder,
  autoFocus,
  pageSize,
  maxDisplayChars,
  tools,
  toolApproval,
  renderTool,
  actions,
  onFeedback,
  children,
  chat: _chat,
  ...socket
}: AgentChatWithSocketProps): [AgentChatViewProps, AgentRuntimeSocketOptions<string>] {
  // `satisfies` keeps this list complete: a new view prop that is not listed fails to compile.
  const view = {
    markdown,
    attachments,
    voice,
    labels,
    roles,
    suggestions,
    theme,
    density,
    dir,
    className,
    style,
    renderMessage,
    emptyState,
    header,
    placeholder,
    autoFocus,
    pageSize,
    maxDisplayChars,
    tools,
    toolApproval,
    renderTool,
    actions,
    onFeedback,
    children,
  } satisfies Record<keyof AgentChatViewProps, unknown>;
  return [view, socket];
}

/** Opens the conversation with `useAgentRuntimeStore`, which does not re-render this component per chunk. */
function AgentChatWithSocket(props: AgentChatWithSocketProps) {
  const [view, socket] = splitProps(props);
  const store = useAgentRuntimeStore(socket);
  return <ChatView {...view} chat={store} />;
}

/**
 * The drop-in chat: connection banner, message list and composer over one conversation.
 *
 * - `<AgentChat urlProvider={backendUrlProvider({ endpoint: "/api/agent-url" })} />` opens
 *   and owns the socket (every `useAgentRuntimeSocket` option is a prop).
 * - `<AgentChat chat={useAgentRuntimeSocket(options)} />` shows a conversation the app owns.
 *
 * Pass parts (`MessageList`, `Composer`, …) as children for a layout of your own, or build your
 * own parts on the behaviour hooks (`useComposer`, `useMessageList`, `useConnectionBanner`, …).
 */
export function AgentChat(props: AgentChatProps) {
  if (props.chat) {
    const { chat, ...view } = props;
    return <ChatView {...view} chat={chat} />;
  }
  return <AgentChatWithSocket {...props} />;
}
