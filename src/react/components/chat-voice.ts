/**
 * Where a voice call stands, as `<AgentChat>` reads it: `AgentVoice`'s states
 * (`agentcore-react/voice`).
 */
export type ChatVoiceState =
  "idle" | "requesting-permission" | "listening" | "agent-speaking" | "stopped" | "failed";

/** A voice call's snapshot, as `<AgentChat>` reads it (`AgentVoice.getSnapshot()` fits). */
export interface ChatVoiceSnapshot {
  state: ChatVoiceState;
  mode: "hands-free" | "push-to-talk";
  muted: boolean;
  /** Push-to-talk: the talk button is held. */
  talking: boolean;
  /** Set in state `failed`: `code` is `AgentVoiceError`'s (`permission-denied`, `no-device`, …). */
  error: { code: string; message: string } | null;
}

/**
 * The voice call `<AgentChat voice>` drives: the part of `AgentVoice` (from
 * `agentcore-react/voice`) the chat's voice controls use. Declared here by shape, so the main
 * entry does not import the voice entry and a text-only chat does not carry it; the controls
 * themselves load on first render of a chat that has a voice.
 */
export interface ChatVoice {
  getSnapshot(): ChatVoiceSnapshot;
  /** Calls `listener` after every snapshot change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** The microphone's level, 0..1, read once per animation frame for the meter. */
  readonly level: number;
  /** Starts the call (from the microphone button's click). */
  start(): Promise<void> | void;
  stop(): void;
  mute(): void;
  unmute(): void;
  /** Stops the agent's speech (the Interrupt button). */
  interrupt(): void;
  /** Push-to-talk: sends the microphone from press to release. */
  pressToTalk?(): void;
  release?(): void;
}

/**
 * Texts of the voice controls. Their English defaults ship with the controls, which load only
 * in a chat with a `voice`; translate them through the chat's `labels` like any other.
 */
export interface VoiceLabels {
  /** The microphone button, pressed while a call runs. */
  voice: string;
  voiceConnecting: string;
  voiceListening: string;
  voiceAgentSpeaking: string;
  voiceMuted: string;
  /** Push-to-talk: the status while the talk button is not held. */
  voiceHoldToTalkHint: string;
  /** Push-to-talk: the status while it is held. */
  voiceTalking: string;
  /** The push-to-talk button (hold it, or hold Space on it). */
  voiceHoldToTalk: string;
  /** The Mute toggle. */
  voiceMute: string;
  /** Stops the agent's speech. */
  voiceInterrupt: string;
  /** Announced when the call ends. */
  voiceEnded: string;
  /** Names the call's controls. */
  voiceControls: string;
  /** A failed call's message; `code` is `AgentVoiceError`'s, `message` its English text. */
  voiceError: (code: string, message: string) => string;
}
