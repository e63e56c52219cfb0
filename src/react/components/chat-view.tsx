"use client";

import { useCallback, useMemo, useRef, type CSSProperties, type ReactNode } from "react";
import { numberOption } from "../../core/number-option";
import type { ClientTool, ToolApprovalPolicy, ToolRunner } from "../../store/tool-runner";
import { ChatContext, type ChatContextValue } from "./chat-context";
import { DefaultLayout } from "./default-layout";
import { cx } from "./internal/cx";
import { useChatHandles } from "./internal/use-chat-handles";
import { useStableAttachments } from "./internal/use-stable-attachments";
import { useShallowStable } from "./internal/use-shallow-stable";
import { useToolRunner } from "./internal/use-tool-runner";
import { LiveAnnouncer, announceIn } from "./internal/live-announcer";
import { useAnswerAnnouncements } from "./internal/use-answer-announcements";
import { resolveLabels, type AgentChatLabels } from "./labels";
import {
  markdownRendererOption,
  sameMarkdownRenderer,
  type MarkdownRenderer,
} from "./markdown/markdown-renderer";
import { useRoles, type ChatRoles } from "./message-author";
import type { RenderTool } from "./tool-render";
import type {
  AgentChatSource,
  ChatDensity,
  ChatStore,
  ChatTheme,
  MessageActionsOptions,
  MessageFeedback,
  RenderMessage,
  Suggestion,
} from "./types";
import { useActionSettings } from "./internal/use-action-settings";
import type { ChatMessage } from "../../store/types";
import type { MutableRef } from "../mutable-ref";
import type { ChatAttachments } from "../../attachments/chat-attachments";
import type { ChatVoice } from "./chat-voice";

/** The props of `<AgentChat>` that shape the UI (all but where the conversation comes from). */
export interface AgentChatViewProps {
  /**
   * Render agent text as sanitized markdown: the renderer from `agentcore-react/markdown`
   * (`markdown={markdown}`, or `markdown={markdown({ remarkPlugins: [remarkGfm] })}`), whose
   * module (with `react-markdown`) loads on first use. Default: plain text (`false`).
   *
   * @throws {AgentRuntimeValidationError} while rendering, for anything else (`true`, an options
   *   object): markdown is opted into by importing the renderer.
   */
  markdown?: MarkdownRenderer | false | null;
  /**
   * Let the user attach files (file button, paste, drag-and-drop), uploaded with your
   * `uploadAttachment` and sent as references: `attachments({ uploadAttachment, accept,
   * maxBytes, maxFiles })` from `agentcore-react/attachments`, whose composer parts load on
   * first render. Default: none.
   */
  attachments?: ChatAttachments | null;
  /**
   * A voice call (`AgentVoice` from `agentcore-react/voice`, or anything of its shape): the
   * composer gets a microphone button, and while a call runs its status, a level meter, Mute
   * and Interrupt. The controls load on first render. Default: none (text only).
   */
  voice?: ChatVoice | null;
  /** Overrides for any text the chat shows or announces (i18n). */
  labels?: Partial<AgentChatLabels>;
  /**
   * How messages are signed, by role: `{ assistant: { label: "Aria", avatar: <img alt="" … /> },
   * user: { label: true } }`; `false` for no avatars or names. Default: the agent's messages
   * with an icon and its name, the user's with neither.
   */
  roles?: ChatRoles;
  /** Prompts offered before the first message. */
  suggestions?: readonly Suggestion[];
  /** `light`, `dark`, or follow the OS (`system`, default). */
  theme?: ChatTheme;
  /** Spacing density. Default `comfortable`. */
  density?: ChatDensity;
  /** Text direction; `rtl` mirrors the layout. Default: inherited from the page. */
  dir?: "ltr" | "rtl" | "auto";
  className?: string;
  /** Inline style of the root, e.g. theme variables: `{ "--acr-color-accent": "#0f766e" }`. */
  style?: CSSProperties;
  /** Draws a message instead of the built-in one (`context.renderDefault()` gives the default). */
  renderMessage?: RenderMessage;
  /** Replaces the welcome shown before the first message. */
  emptyState?: ReactNode;
  /** Shown above the conversation, e.g. a title bar. */
  header?: ReactNode;
  /** Placeholder of the message input. */
  placeholder?: string;
  /** Focus the message input on mount. Default false. */
  autoFocus?: boolean;
  /** Messages rendered at first on long threads; more load on scrolling up. Default 100. */
  pageSize?: number;
  /**
   * Most characters of a message shown at first; a longer message ends with a "Show all
   * (N characters)" button that reveals the rest as plain text. Keeps a huge answer from
   * freezing the page. A whole number >= 1, default 20,000.
   *
   * @throws {AgentRuntimeValidationError} while rendering, when invalid.
   */
  maxDisplayChars?: number;
  /**
   * Tools the browser runs when the agent calls them, by name: `(args, { signal, call }) =>
   * result`. The result (or the error thrown) goes back to the agent through the codec's
   * `encodeReply` once the agent's answer is over; stopping the answer aborts them.
   */
  tools?: Readonly<Record<string, ClientTool>>;
  /**
   * Tool calls to put to the user first (Approve / Deny): `{ delete_file: true }` or a
   * predicate. An approved client tool then runs; otherwise the decision is the call's result
   * (`{"approved": true}`, or `{"approved": false, "reason": ...}`). AG-UI interrupts always ask.
   */
  toolApproval?: ToolApprovalPolicy;
  /** Components for tool calls by tool name (generative UI); other tools keep the default row. */
  renderTool?: Readonly<Record<string, RenderTool>>;
  /**
   * The actions on finished messages: Copy, Regenerate, Edit, the version pager and feedback,
   * each `true`, `false` or a function drawing it (`false` turns them all off). Default: all
   * on, feedback only with `onFeedback`.
   */
  actions?: MessageActionsOptions | false;
  /** Called when the user rates an answer, and again when they add a comment. */
  onFeedback?: (message: ChatMessage, feedback: MessageFeedback) => void;
  /**
   * A custom layout built from the parts (`MessageList`, `Composer`, …). Replaces the default
   * layout; the parts read the conversation from this component.
   */
  children?: ReactNode;
}

/** The markdown renderer, kept while the caller passes equal ones (`markdown(options)` inline). */
function useStableMarkdown(markdown: unknown): MarkdownRenderer | null {
  const next = markdownRendererOption(markdown);
  const ref = useRef(next);
  if (!sameMarkdownRenderer(ref.current, next)) ref.current = next;
  return ref.current;
}

const NO_SUGGESTIONS: readonly Suggestion[] = [];

/** Default `maxDisplayChars` of `<AgentChat>`. */
export const DEFAULT_MAX_DISPLAY_CHARS = 20_000;

/** The store a chat source holds: itself, or the hook result's `store` (stable for its life). */
function chatStoreOf(source: AgentChatSource): ChatStore {
  return "store" in source ? source.store : source;
}

/** What {@link useChatContextValue} builds the chat context from: `ChatView`'s props and refs. */
interface ChatContextSources extends Pick<
  AgentChatViewProps,
  | "labels"
  | "roles"
  | "suggestions"
  | "markdown"
  | "attachments"
  | "voice"
  | "maxDisplayChars"
  | "renderTool"
  | "actions"
  | "onFeedback"
> {
  store: ChatStore;
  /** Runs client tools and approvals for the chat. */
  toolRunner: ToolRunner;
  /** The live region that `announce` speaks through. */
  announcer: MutableRef<HTMLDivElement | null>;
}

/**
 * The context the parts share. It stays the same object while the store does and the labels,
 * suggestions and markdown renderer stay equal (callers often pass them inline), so the parts
 * do not re-render for nothing.
 */
function useChatContextValue({
  store,
  labels: labelOverrides,
  roles: roleOptions,
  suggestions,
  markdown,
  attachments,
  voice,
  maxDisplayChars = DEFAULT_MAX_DISPLAY_CHARS,
  toolRunner,
  renderTool,
  announcer,
  actions,
  onFeedback,
}: ChatContextSources): ChatContextValue {
  const displayChars = numberOption("maxDisplayChars", maxDisplayChars, "a whole number >= 1");
  const stableOverrides = useShallowStable(labelOverrides);
  const labels = useMemo(() => resolveLabels(stableOverrides), [stableOverrides]);
  const roles = useRoles(roleOptions);
  const stableSuggestions = useShallowStable(suggestions) ?? NO_SUGGESTIONS;
  const markdownRenderer = useStableMarkdown(markdown);
  const stableRenderTool = useShallowStable(renderTool);
  const stableAttachments = useStableAttachments(attachments ?? null);
  const handles = useChatHandles();
  const announce = useCallback((text: string) => announceIn(announcer.current, text), [announcer]);
  const actionSettings = useActionSettings(actions, onFeedback);

  return useMemo<ChatContextValue>(
    () => ({
      ...actionSettings,
      chat: store,
      labels,
      roles,
      markdown: markdownRenderer,
      attachments: stableAttachments,
      voice: voice ?? null,
      maxDisplayChars: displayChars,
      suggestions: stableSuggestions,
      tools: toolRunner,
      renderTool: stableRenderTool,
      announce,
      ...handles,
    }),
    [
      store,
      labels,
      roles,
      markdownRenderer,
      stableAttachments,
      voice,
      displayChars,
      stableSuggestions,
      toolRunner,
      stableRenderTool,
      announce,
      actionSettings,
      handles,
    ],
  );
}

/** `<AgentChat>` over a conversation it is given. */
export function ChatView(props: AgentChatViewProps & { chat: AgentChatSource }) {
  const {
    chat,
    theme = "system",
    density = "comfortable",
    dir,
    className,
    style,
    renderMessage,
    emptyState,
    header,
    placeholder,
    autoFocus = false,
    pageSize,
    children,
  } = props;
  const store = chatStoreOf(chat);
  const announcer = useRef<HTMLDivElement | null>(null);
  const toolRunner = useToolRunner(store, props);
  const context = useChatContextValue({ ...props, store, announcer, toolRunner });
  const { labels, announce } = context;
  useAnswerAnnouncements(store, labels, announce, context.maxDisplayChars);

  return (
    <ChatContext.Provider value={context}>
      <section
        className={cx("acr-chat", className)}
        style={style}
        aria-label={labels.chatRegion}
        data-theme={theme === "system" ? undefined : theme}
        data-density={density}
        dir={dir}
      >
        {children ?? (
          <DefaultLayout
            header={header}
            renderMessage={renderMessage}
            emptyState={emptyState}
            placeholder={placeholder}
            autoFocus={autoFocus}
            pageSize={pageSize}
          />
        )}
        <LiveAnnouncer regionRef={announcer} />
      </section>
    </ChatContext.Provider>
  );
}
