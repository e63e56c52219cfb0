"use client";

import { useEffect } from "react";
import type { ChatMessage, ChatMessageStatus } from "../../../store/types";
import type { AgentChatLabels } from "../labels";
import type { ChatStore } from "../types";

/** How far from the end to watch: answers and sends always change near it. */
const TAIL = 8;

/** The text of an answer up to `maxChars`, with an ellipsis when there is more. */
function spokenText(text: string, maxChars: number): string {
  return text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
}

function announcementFor(
  message: ChatMessage,
  previous: ChatMessageStatus | undefined,
  labels: AgentChatLabels,
  maxChars: number,
): string | null {
  if (message.status === previous) return null;
  if (message.status === "error") return labels.messageFailed(message.error);
  if (message.role !== "assistant") return null;
  if (message.status === "complete" && message.text.trim())
    return labels.answerAnnouncement(spokenText(message.text, maxChars));
  if (message.status === "stopped" && previous === "streaming") return labels.stoppedAnnouncement;
  return null;
}

/**
 * Announces each answer once, when it has finished arriving (never per chunk), a stopped
 * answer, and a message that failed. Watches only the tail of the conversation, so the work
 * per update stays constant on long threads; what was there at mount is not announced. An
 * answer is spoken up to `maxChars` characters (what the chat shows at first).
 */
export function useAnswerAnnouncements(
  store: ChatStore,
  labels: AgentChatLabels,
  announce: (text: string) => void,
  maxChars: number,
): void {
  useEffect(() => {
    let seen = new Map<string, ChatMessageStatus>();
    const tailOf = (messages: readonly ChatMessage[]) =>
      messages.slice(Math.max(0, messages.length - TAIL));
    for (const message of tailOf(store.getState().messages)) seen.set(message.id, message.status);

    return store.subscribe((state) => {
      const next = new Map<string, ChatMessageStatus>();
      for (const message of tailOf(state.messages)) {
        const text = announcementFor(message, seen.get(message.id), labels, maxChars);
        if (text) announce(text);
        next.set(message.id, message.status);
      }
      seen = next;
    });
  }, [store, labels, announce, maxChars]);
}
