// assistant-ui's runtime provider and thread primitives: the least needed for a chat UI.
export {
  AssistantRuntimeProvider,
  useLocalRuntime,
  ThreadPrimitive,
  ComposerPrimitive,
  MessagePrimitive,
} from "@assistant-ui/react";
