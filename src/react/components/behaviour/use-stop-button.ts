"use client";

import { useConversation } from "../../use-conversation";
import { useChatContext } from "../chat-context";

/** The Stop button's behaviour: whether an answer is streaming, and stopping it. */
export interface StopButtonBehaviour {
  /** True while an answer is in progress (show the button only then). */
  streaming: boolean;
  /** Ends the answer for real and returns focus to the composer. */
  stop(): void;
}

/** Behaviour of a Stop button of your own. Use inside `<AgentChat>`. */
export function useStopButton(): StopButtonBehaviour {
  const { chat, focusComposer } = useChatContext("StopButton");
  const streaming = useConversation(chat, (state) => state.isStreaming);
  return {
    streaming,
    stop: () => {
      chat.stop();
      focusComposer();
    },
  };
}
