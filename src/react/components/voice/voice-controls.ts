// The voice controls `<AgentChat voice>` loads with `import()` on first render, so a chat
// without a voice does not carry them.
export { VoiceButton } from "./voice-button";
export { VoicePanel } from "./voice-panel";
