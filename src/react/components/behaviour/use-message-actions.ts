"use client";

import { useEffect, useState } from "react";
import { toError } from "../../../core/errors";
import type { ChatMessage, ConversationState } from "../../../store/types";
import { useConversation } from "../../use-conversation";
import { useChatContext } from "../chat-context";
import type { MessageFeedback } from "../types";

/** An answer in progress or a message waiting to be sent: versions must not change now. */
function selectBusy(state: ConversationState<unknown>): boolean {
  return state.isStreaming || state.connection.outbox.some((entry) => entry.status === "queued");
}

/** The behaviour of the actions on one message, for controls of your own. */
export interface MessageActionsBehaviour {
  /** An answer streams or a message waits to be sent: regenerating, editing and paging wait. */
  busy: boolean;
  /** True for two seconds after `copy()` succeeded. */
  copied: boolean;
  /**
   * Copies the message's text (an answer's markdown source) and announces it. Resolves
   * `false` when the browser refused (no clipboard, or no permission).
   */
  copy(): Promise<boolean>;
  /** Sends the turn's message again as a new version; focus goes to the composer. */
  regenerate(): void;
  /** Sends `text` as a new version of this user message's turn; focus goes to the composer. */
  editAndResend(text: string): void;
  /** Shows version `index` of the turn this message starts; `focus` names the pager button to focus there. */
  selectBranch(index: number, focus?: "previous" | "next"): void;
  /** The rating given to this message in this chat, if any. */
  feedback: MessageFeedback | undefined;
  /** Rates the message: reported to `onFeedback`. */
  rate(feedback: MessageFeedback): void;
}

/** Behaviour of the actions on `message` (Copy, Regenerate, Edit, versions, feedback). */
export function useMessageActions(message: ChatMessage): MessageActionsBehaviour {
  const context = useChatContext("MessageActions");
  const { chat, announce, labels, focusComposer, ratings } = context;
  const busy = useConversation(chat, selectBusy);
  const [copied, setCopied] = useState(false);
  const [feedback, setFeedback] = useState(() => ratings.get(message.id));
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  // A refused send (e.g. a full queue) is the store's `error`; say it where the user acted.
  const resend = (send: () => unknown) => {
    try {
      send();
    } catch (thrown) {
      announce(toError(thrown).message);
    }
    focusComposer();
  };
  return {
    busy,
    copied,
    copy: async () => {
      try {
        await navigator.clipboard.writeText(message.text);
      } catch {
        return false;
      }
      setCopied(true);
      announce(labels.copied);
      return true;
    },
    regenerate: () => resend(() => chat.regenerate?.(message.id)),
    editAndResend: (text) => resend(() => chat.editAndResend?.(message.id, text)),
    selectBranch: (index, focus) => {
      context.pagerFocus.current = focus ?? null;
      chat.selectBranch?.(message.id, index);
    },
    feedback,
    rate: (value) => {
      setFeedback(value);
      context.rate(message, value);
    },
  };
}
