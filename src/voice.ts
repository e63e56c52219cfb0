/**
 * `agentcore-react/voice`: real-time voice with an agent on the conversation's socket
 * (docs/voice.md). The microphone goes to the agent as PCM16 frames from an AudioWorklet, the
 * agent's audio plays from another, with barge-in, mute and push-to-talk. Text-only apps do not
 * import it and pay nothing for it.
 *
 * @packageDocumentation
 */
export { AgentVoice } from "./voice/agent-voice";
export { binaryPcmCodec } from "./voice/binary-pcm-codec";
export { novaSonicCodec, type NovaSonicOptions } from "./voice/nova-sonic-codec";
export { strandsBidiCodec } from "./voice/strands-bidi-codec";
export { VOICE_EVENT, type VoiceTranscript } from "./voice/voice-events";
export type { VoiceCallFormat, VoiceCodec, VoiceFraming } from "./voice/voice-codec";
export { AgentVoiceError, type VoiceErrorCode } from "./voice/errors";
export { MAX_VOICE_FRAME_BYTES } from "./voice/voice-options";
export { voiceWorkletSource } from "./voice/worklet-source-loader";
export {
  voiceTransport,
  type BinarySocket,
  type BinarySocketConstructor,
  type VoiceTransport,
} from "./voice/voice-transport";
export type {
  AgentVoiceOptions,
  PcmFormat,
  VoiceDevice,
  VoiceMode,
  VoiceSnapshot,
  VoiceState,
  VoiceStats,
} from "./voice/types";
export {
  useAgentVoice,
  type UseAgentVoiceOptions,
  type UseAgentVoiceResult,
} from "./voice-react/use-agent-voice";
