// The voice controls <AgentChat voice> loads with import() on first render: the microphone
// button, the call's row (status, meter, Mute, Hold to talk, Interrupt, Retry) and their texts.
// The chat context and option checks it shares with <AgentChat> are counted there, not here.
export { default as VoiceControls } from "../../dist/react/components/voice/voice-controls.js";
