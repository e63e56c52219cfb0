import { useEffect, useState } from "react";
import type { AgentEvent } from "../../../codecs/types";
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
  // Checked by hand, not with the core's helpers: a module this chunk shares with the
  // connection makes bundlers wrap that module for lazy init in every bundle of the entry.
  const value: unknown = event.value;
  if (typeof value !== "object" || value === null || !("text" in value) || !("role" in value)) {
    return undefined;
  }
  if (!("final" in value) || value.final !== false) return null;
  const { role, text } = value;
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
