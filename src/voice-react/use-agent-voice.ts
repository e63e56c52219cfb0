import { useEffect, useState, useSyncExternalStore } from "react";
import { AgentVoice } from "../voice/agent-voice";
import type { AgentVoiceOptions, VoiceSnapshot } from "../voice/types";

/** What {@link useAgentVoice} returns: the call's snapshot and the call itself. */
export interface UseAgentVoiceResult extends VoiceSnapshot {
  /** `start()`, `stop()`, `mute()`, `pressToTalk()`, `interrupt()`, `level`, `stats`… */
  voice: AgentVoice;
}

/**
 * A voice call in a component: an {@link AgentVoice} made on first render (later changes to
 * `options` are not read), its snapshot as state, and the call stopped on unmount. Start it
 * from a click: browsers start audio only after a user gesture.
 *
 * ```tsx
 * const { state, error, voice } = useAgentVoice({ connection, transport });
 * <button onClick={() => void voice.start()}>Talk</button>
 * ```
 */
export function useAgentVoice(options: AgentVoiceOptions): UseAgentVoiceResult {
  const [voice] = useState(() => new AgentVoice(options));
  const snapshot = useSyncExternalStore(voice.subscribe, voice.getSnapshot, voice.getSnapshot);
  useEffect(() => () => voice.stop(), [voice]);
  return { ...snapshot, voice };
}
