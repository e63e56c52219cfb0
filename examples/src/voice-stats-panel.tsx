import { useEffect, useState, useSyncExternalStore } from "react";
import type { AgentVoice, VoiceStats } from "./lib-voice";

/** How often the card reads the call's counters while it runs. */
const REFRESH_MS = 250;

/** The call's counters, read every {@link REFRESH_MS} while `running`. */
function useStats(voice: AgentVoice, running: boolean): VoiceStats {
  const [stats, setStats] = useState(() => voice.stats);
  useEffect(() => {
    setStats(voice.stats);
    if (!running) return;
    const timer = setInterval(() => setStats(voice.stats), REFRESH_MS);
    return () => clearInterval(timer);
  }, [voice, running]);
  return stats;
}

function seconds(samples: number, rate: number): string {
  return rate > 0 ? `${(samples / rate).toFixed(1)} s` : "—";
}

/** Voice mode's live view: the call's state and what went each way. */
export function VoiceStatsPanel({ voice }: { voice: AgentVoice }) {
  const snapshot = useSyncExternalStore(voice.subscribe, voice.getSnapshot);
  const running = snapshot.state === "listening" || snapshot.state === "agent-speaking";
  const stats = useStats(voice, running);
  return (
    <section
      className="demo-card"
      aria-labelledby="demo-voice-title"
      data-testid="voice-stats"
      data-state={snapshot.state}
      data-frames-sent={stats.framesSent}
      data-played={stats.played}
      data-queued={stats.queued}
      data-flushes={stats.flushes}
      data-underruns={stats.underruns}
    >
      <h2 id="demo-voice-title">Voice call</h2>
      <dl className="demo-facts">
        <dt>State</dt>
        <dd>{snapshot.error ? `${snapshot.state} (${snapshot.error.code})` : snapshot.state}</dd>
        <dt>Mode</dt>
        <dd>
          {snapshot.mode}
          {snapshot.muted ? ", muted" : ""}
        </dd>
        <dt>Sent</dt>
        <dd>
          {stats.framesSent} frames · {seconds(stats.samplesSent, 16_000)}
        </dd>
        <dt>Agent audio</dt>
        <dd>
          {seconds(stats.played, stats.contextRate)} played ·{" "}
          {seconds(stats.queued, stats.contextRate)} queued
        </dd>
        <dt>Barge-ins</dt>
        <dd>{stats.flushes}</dd>
        <dt>Underruns</dt>
        <dd>{stats.underruns}</dd>
      </dl>
    </section>
  );
}
