import { useEffect, useState, useSyncExternalStore } from "react";
import { AgentVoice } from "../voice/agent-voice";
import type { AgentVoiceOptions, VoiceSnapshot } from "../voice/types";
import { lateConnection } from "./late-connection";

/** What {@link useAgentVoice} takes: {@link AgentVoiceOptions}, with a connection that may come later. */
export interface UseAgentVoiceOptions extends Omit<AgentVoiceOptions, "connection"> {
  /**
   * The conversation's connection. `null` until it exists, as `useAgentRuntimeSocket`'s
   * `connection` is on the first render: the call hears the agent from the connection given on
   * the latest render, so passing the hook's `connection` as it is works.
   */
  connection: AgentVoiceOptions["connection"] | null;
}

/** What {@link useAgentVoice} returns: the call's snapshot and the call itself. */
export interface UseAgentVoiceResult extends VoiceSnapshot {
  /** `start()`, `stop()`, `mute()`, `pressToTalk()`, `interrupt()`, `level`, `stats`… */
  voice: AgentVoice;
}

/**
 * A voice call in a component: an {@link AgentVoice} made on first render (later changes to
 * `options` are not read, but for `connection`), its snapshot as state, and the call stopped on
 * unmount. Start it from a click: browsers start audio only after a user gesture.
 *
 * ```tsx
 * const transport = useMemo(() => voiceTransport(), []);
 * const codec = useMemo(() => binaryPcmCodec(), []);
 * const { connection } = useAgentRuntimeSocket({ urlProvider, codec, WebSocket: transport.WebSocket });
 * const { state, error, voice } = useAgentVoice({ connection, transport, codec });
 * <button onClick={() => void voice.start()}>Talk</button>
 * ```
 */
export function useAgentVoice(options: UseAgentVoiceOptions): UseAgentVoiceResult {
  const [{ voice, connection }] = useState(() => {
    const late = lateConnection();
    late.use(options.connection);
    return { voice: new AgentVoice({ ...options, connection: late }), connection: late };
  });
  useEffect(() => connection.use(options.connection), [connection, options.connection]);
  const snapshot = useSyncExternalStore(voice.subscribe, voice.getSnapshot, voice.getSnapshot);
  useEffect(() => () => voice.stop(), [voice]);
  return { ...snapshot, voice };
}
