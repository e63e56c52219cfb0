import type { ChatVoice, ChatVoiceSnapshot } from "../chat-voice";

/** What a mocked call's `start()` ends in: a running call, a failure, or still asking. */
export type MockVoiceOutcome = "listening" | "pending" | { code: string; message: string };

/** A voice call without audio, for tests and stories: the calls made, and its state by hand. */
export interface MockVoice extends ChatVoice {
  readonly calls: {
    start: number;
    stop: number;
    mute: number;
    unmute: number;
    interrupt: number;
    press: number;
    release: number;
  };
  /** The microphone's level the meter reads (settable). */
  level: number;
  /** Changes the snapshot and tells the subscribers. */
  set(patch: Partial<ChatVoiceSnapshot>): void;
  /** What the next `start()` ends in (default `listening`). */
  outcome: MockVoiceOutcome;
}

/** Options of {@link createMockVoice}: the first snapshot, level and start outcome. */
export interface MockVoiceOptions extends Partial<ChatVoiceSnapshot> {
  level?: number;
  outcome?: MockVoiceOutcome;
}

/**
 * A mocked `AgentVoice`: `start()` asks "for the microphone" then goes to `listening` (or
 * fails) a microtask later; `interrupt()` stops the agent's speech; push-to-talk holds
 * `talking`. Nothing plays or records.
 */
export function createMockVoice({
  level = 0,
  outcome = "listening",
  ...initial
}: MockVoiceOptions = {}): MockVoice {
  const listeners = new Set<() => void>();
  let snapshot: ChatVoiceSnapshot = {
    state: "idle",
    mode: "hands-free",
    muted: false,
    talking: false,
    error: null,
    ...initial,
  };
  const voice: MockVoice = {
    calls: { start: 0, stop: 0, mute: 0, unmute: 0, interrupt: 0, press: 0, release: 0 },
    level,
    outcome,
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(patch) {
      snapshot = { ...snapshot, ...patch };
      for (const listener of [...listeners]) listener();
    },
    async start() {
      voice.calls.start++;
      voice.set({ state: "requesting-permission", error: null });
      await Promise.resolve();
      const result = voice.outcome;
      if (result === "pending") return;
      if (result === "listening") voice.set({ state: "listening" });
      else voice.set({ state: "failed", error: result });
    },
    stop() {
      voice.calls.stop++;
      voice.set({ state: "stopped", talking: false });
    },
    mute() {
      voice.calls.mute++;
      voice.set({ muted: true });
    },
    unmute() {
      voice.calls.unmute++;
      voice.set({ muted: false });
    },
    interrupt() {
      voice.calls.interrupt++;
      if (snapshot.state === "agent-speaking") voice.set({ state: "listening" });
    },
    pressToTalk() {
      voice.calls.press++;
      if (snapshot.state === "agent-speaking") voice.interrupt();
      voice.set({ talking: true });
    },
    release() {
      voice.calls.release++;
      voice.set({ talking: false });
    },
  };
  return voice;
}
