/**
 * assistant-ui's thread from its primitives (the library ships no styled `<Thread />`), as its
 * minimal example builds it, plus a status line (by default from `useAgentCoreStatus`). Each message shows
 * its status as data attributes for the tests to wait on.
 */
import {
  ComposerPrimitive,
  MessagePrimitive,
  ThreadPrimitive,
  useAuiState,
  type TextMessagePartComponent,
  type ToolCallMessagePartComponent,
} from "@assistant-ui/react";
import type { ReactNode } from "react";
import { useAgentCoreStatus } from "../../src/assistant-ui";

const Text: TextMessagePartComponent = ({ text }) => <span data-part="text">{text}</span>;

const Tool: ToolCallMessagePartComponent = ({ toolName, argsText, result }) => (
  <span
    data-part="tool"
    data-tool={toolName}
    data-args={argsText}
    data-result={JSON.stringify(result)}
  />
);

function Message({ role }: { role: "user" | "assistant" }) {
  const status = useAuiState(({ message }) => message.status);
  return (
    <MessagePrimitive.Root
      data-role={role}
      data-status={status?.type}
      data-reason={status && "reason" in status ? status.reason : undefined}
    >
      <MessagePrimitive.Parts components={{ Text, tools: { Fallback: Tool } }} />
    </MessagePrimitive.Root>
  );
}

const COMPONENTS = {
  UserMessage: () => <Message role="user" />,
  AssistantMessage: () => <Message role="assistant" />,
};

function StatusLine() {
  const { kind, retryInSeconds } = useAgentCoreStatus();
  return (
    <p data-testid="status" data-kind={kind ?? "ok"}>
      {kind} {retryInSeconds}
    </p>
  );
}

export function Thread({ status = <StatusLine /> }: { status?: ReactNode }) {
  return (
    <ThreadPrimitive.Root>
      {status}
      <ThreadPrimitive.Viewport>
        <ThreadPrimitive.Messages components={COMPONENTS} />
      </ThreadPrimitive.Viewport>
      <ComposerPrimitive.Root>
        <ComposerPrimitive.Input aria-label="Message" />
        <ComposerPrimitive.Send>Send</ComposerPrimitive.Send>
        <ComposerPrimitive.Cancel>Stop</ComposerPrimitive.Cancel>
      </ComposerPrimitive.Root>
    </ThreadPrimitive.Root>
  );
}
