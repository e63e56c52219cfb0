import type { AgentEvent } from "../codecs/types";
import type { AgentVoiceOptions } from "../voice/types";

type VoiceConnection = AgentVoiceOptions["connection"];

/**
 * A stand-in for a connection that may not exist yet, or may be replaced: `useAgentRuntimeSocket`
 * makes its connection after the first render (and a new one when its options change), while an
 * `AgentVoice` is made once. Listeners added before a connection exists are attached when it
 * arrives; on a new connection they move to it.
 */
export interface LateConnection extends VoiceConnection {
  /** Points the stand-in at `connection` (or at none). */
  use(connection: VoiceConnection | null): void;
}

export function lateConnection(): LateConnection {
  let current: VoiceConnection | null = null;
  const detachers = new Map<(event: AgentEvent) => void, () => void>();
  const attach = (listener: (event: AgentEvent) => void) =>
    detachers.set(listener, current?.onEvent(listener) ?? (() => undefined));
  return {
    use(connection) {
      if (connection === current) return;
      for (const detach of detachers.values()) detach();
      current = connection;
      for (const listener of detachers.keys()) attach(listener);
    },
    onEvent(listener) {
      // A wrapper per call, so adding the same listener twice gives two subscriptions.
      const own = (event: AgentEvent) => listener(event);
      attach(own);
      return () => {
        detachers.get(own)?.();
        detachers.delete(own);
      };
    },
  };
}
