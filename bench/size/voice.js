// agentcore-react/voice: AgentVoice, the binary PCM codec, the transport and useAgentVoice.
// The worklet module (loaded with import() on the first start()) is not counted.
export {
  AgentVoice,
  binaryPcmCodec,
  voiceTransport,
  useAgentVoice,
  AgentVoiceError,
} from "../../dist/voice.js";
