"use client";

import { useCallback } from "react";
import type { ChatMessage, ConversationState } from "../../../store/types";
import { useConversation } from "../../use-conversation";
import { useChatContext } from "../chat-context";
import { selectMessageAt } from "../internal/message-selectors";

/**
 * One message of the conversation, by id. The component re-renders only when that message
 * changes, never for chunks of other messages. `indexHint` (where the list shows it) makes the
 * lookup O(1). Use inside `<AgentChat>`.
 */
export function useChatMessage(id: string, indexHint = -1): ChatMessage | undefined {
  const { chat } = useChatContext("Message");
  const select = useCallback(
    (state: ConversationState<unknown>) => selectMessageAt(state, id, indexHint),
    [id, indexHint],
  );
  return useConversation(chat, select);
}
