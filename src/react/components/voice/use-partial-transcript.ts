import { useEffect, useState } from "react";
import type { AgentEvent } from "../../../codecs/types";
import { isRecord } from "../../../core/option-checks";
import type { ChatStore } from "../types";

/** What is being said, before the final transcript turns it into a message. */
export interface PartialTranscript {
  role: "user" | "assistant";
  text: string;
}

// VOICE_EVENT.transcript of `agentcore-react/voice`, spelled out so the chat does not import it.
const TRANSCRIPT_EVENT = "voice.transcript";

function partialOf(event: AgentEvent): PartialTranscript | null | undefined {
  if (event.type !== "custom" || event.name !== TRANSCRIPT_EVENT) return undefined;
  if (!isRecord(event.value)) return undefined;
  const { role, text, final } = event.value;
  if (final !== false) return null;
  if (typeof text !== "string" || (role !== "user" && role !== "assistant")) return undefined;
  return { role, text };
}

/**
 * The call's latest partial transcript, from the store's events (`onEvent`), while `active`:
 * each partial replaces the last, and the final one (which becomes a message) clears it.
 */
export function usePartialTranscript(chat: ChatStore, active: boolean): PartialTranscript | null {
  const [partial, setPartial] = useState<PartialTranscript | null>(null);
  useEffect(() => {
    setPartial(null);
    if (!active || !chat.onEvent) return;
    return chat.onEvent((event) => {
      const next = partialOf(event);
      if (next !== undefined) setPartial(next);
    });
  }, [chat, active]);
  return partial;
}
