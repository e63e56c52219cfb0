"use client";

import { createContext, useContext } from "react";
import type { ChatAttachments } from "../../attachments/chat-attachments";
import type { ChatVoice } from "./chat-voice";
import type { AgentChatLabels } from "./labels";
import type { MarkdownRenderer } from "./markdown/markdown-renderer";
import type { ResolvedRoles } from "./message-author";
import type { ChatMessage } from "../../store/types";
import type { ToolRunner } from "../../store/tool-runner";
import type { RenderTool } from "./tool-render";
import type { ChatStore, MessageActionsOptions, MessageFeedback, Suggestion } from "./types";

/** What the parts share: the conversation, labels and a few callbacks. Provided by `<AgentChat>`. */
export interface ChatContextValue {
  /** The conversation the chat shows. */
  chat: ChatStore;
  labels: AgentChatLabels;
  /** How messages are signed, by role (`roles`, with the defaults filled in). */
  roles: ResolvedRoles;
  /** The composer's attachments (`attachments` prop), or `null` when files cannot be attached. */
  attachments: ChatAttachments | null;
  /** The voice call the composer's microphone drives (`voice` prop), or `null` for text only. */
  voice: ChatVoice | null;
  /** The renderer of agent text as sanitized markdown (`markdown` prop), or `null` for plain text. */
  markdown: MarkdownRenderer | null;
  /** How many characters of a message show before its "Show all" button (`maxDisplayChars`). */
  maxDisplayChars: number;
  /** Runs client tools and holds approvals (`tools`, `toolApproval`, AG-UI interrupts). */
  tools: ToolRunner;
  /** Components for tools by name (`renderTool`). */
  renderTool: Readonly<Record<string, RenderTool>> | undefined;
  /** Prompts the empty state offers. */
  suggestions: readonly Suggestion[];
  /** Says `text` through the polite live region. */
  announce(text: string): void;
  /** Lets the composer register its input so other parts can return focus to it. */
  registerComposer(element: HTMLTextAreaElement | null): void;
  focusComposer(): void;
  /** Asks the message list to scroll to the latest message and stick there. */
  scrollToLatest(): void;
  /**
   * Asks the message list to stop following the latest message, as if the user had scrolled
   * up: e.g. before revealing text the user wants to read from where it was cut.
   */
  unpinScroll(): void;
  /** Lets the message list register how it scrolls to the latest message, and how it unpins. */
  registerScroller(scroll: (() => void) | null, unpin?: () => void): void;
  /** The actions messages offer (`actions`, with the defaults filled in). */
  actions: Required<MessageActionsOptions>;
  /** The ratings given in this chat, by message id (a row may unmount and come back). */
  ratings: Map<string, MessageFeedback>;
  /** Remembers a rating and reports it to `onFeedback`. */
  rate(message: ChatMessage, feedback: MessageFeedback): void;
  /**
   * The pager button to focus when the version it asked for shows: the message starting it
   * is another row, which mounts then.
   */
  pagerFocus: { current: "previous" | "next" | null };
}

export const ChatContext = createContext<ChatContextValue | null>(null);

/** The chat context; throws a clear error when a part is used outside `<AgentChat>`. */
export function useChatContext(part: string): ChatContextValue {
  const value = useContext(ChatContext);
  if (!value) {
    throw new Error(
      `<${part}> must be rendered inside <AgentChat>, which provides the conversation it shows.`,
    );
  }
  return value;
}
