// agentcore-react/voice: AgentVoice, the binary PCM codec, the transport and useAgentVoice.
// Counted with the worklet module it loads with import() on the first start().
export {
  AgentVoice,
  binaryPcmCodec,
  voiceTransport,
  useAgentVoice,
  AgentVoiceError,
} from "../../dist/voice.js";
