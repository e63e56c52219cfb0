/**
 * The thread both assistant-ui benches render, from its primitives (the library is headless):
 * a viewport that sticks to the bottom, each message's parts, and the composer's input.
 */
import { ComposerPrimitive, MessagePrimitive, ThreadPrimitive } from "@assistant-ui/react";

function UserMessage() {
  return (
    <MessagePrimitive.Root className="peer-chat__message" data-role="user">
      <MessagePrimitive.Parts />
    </MessagePrimitive.Root>
  );
}

function AssistantMessage() {
  return (
    <MessagePrimitive.Root className="peer-chat__message" data-role="assistant">
      <MessagePrimitive.Parts />
    </MessagePrimitive.Root>
  );
}

const COMPONENTS = { UserMessage, AssistantMessage };

export function AssistantUiThread() {
  return (
    <ThreadPrimitive.Root className="peer-chat" aria-label="Chat">
      <ThreadPrimitive.Viewport className="peer-chat__log" role="log">
        <ThreadPrimitive.Messages components={COMPONENTS} />
      </ThreadPrimitive.Viewport>
      <ComposerPrimitive.Root>
        <ComposerPrimitive.Input aria-label="Message" />
        <ComposerPrimitive.Send>Send</ComposerPrimitive.Send>
      </ComposerPrimitive.Root>
    </ThreadPrimitive.Root>
  );
}
