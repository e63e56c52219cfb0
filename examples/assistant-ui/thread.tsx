import {
  ComposerPrimitive,
  MessagePrimitive,
  ThreadPrimitive,
  type ReasoningMessagePartComponent,
  type ToolCallMessagePartComponent,
} from "@assistant-ui/react";
import { useAgentCoreStatus } from "./lib";

/** A tool call, collapsed: its name, then its arguments and result as text. */
const ToolFallback: ToolCallMessagePartComponent = ({ toolName, argsText, result }) => (
  <details className="tool">
    <summary>Tool: {toolName}</summary>
    <pre>{argsText}</pre>
    {result !== undefined && <pre>{JSON.stringify(result, null, 2)}</pre>}
  </details>
);

const Reasoning: ReasoningMessagePartComponent = ({ text }) => <p className="reasoning">{text}</p>;

function UserMessage() {
  return (
    <MessagePrimitive.Root className="message message--user">
      <MessagePrimitive.Parts />
    </MessagePrimitive.Root>
  );
}

function AssistantMessage() {
  return (
    <MessagePrimitive.Root className="message message--assistant">
      <MessagePrimitive.Parts components={{ Reasoning, tools: { Fallback: ToolFallback } }} />
      <MessagePrimitive.Error>
        <p role="alert" className="message__error">
          This answer was cut short.
        </p>
      </MessagePrimitive.Error>
    </MessagePrimitive.Root>
  );
}

const STATUS_TEXT = {
  connecting: "Connecting…",
  unreachable: "Cannot reach the agent",
  "provider-failed": "Could not get a connection URL",
  "url-too-short": "The connection URL expired too soon",
  reconnecting: "Connection lost",
  "credentials-expired": "Credentials expired; signing again",
  offline: "Offline: waiting for the network",
  failed: "Could not connect",
  closed: "Disconnected",
} as const;

/** The connection's state in one line, with "Retry now" while it waits to reconnect. */
function ConnectionStatus() {
  const { kind, retryInSeconds, reconnect } = useAgentCoreStatus();
  if (!kind) return null;
  return (
    <p className="status" role="status">
      {STATUS_TEXT[kind]}
      {retryInSeconds !== null && ` (retrying in ${retryInSeconds} s)`}{" "}
      {kind !== "connecting" && kind !== "offline" && (
        <button type="button" onClick={reconnect}>
          Retry now
        </button>
      )}
    </p>
  );
}

/**
 * A minimal thread from assistant-ui's primitives. `status`: the connection line, which reads
 * `useAgentCoreRuntime`'s conversation (off on assistant-ui's local runtime).
 */
export function Thread({ status = true }: { status?: boolean }) {
  return (
    <ThreadPrimitive.Root className="thread">
      {status && <ConnectionStatus />}
      <ThreadPrimitive.Viewport className="thread__viewport">
        <ThreadPrimitive.Empty>
          <p className="thread__empty">Ask the agent something.</p>
        </ThreadPrimitive.Empty>
        <ThreadPrimitive.Messages components={{ UserMessage, AssistantMessage }} />
      </ThreadPrimitive.Viewport>
      <ComposerPrimitive.Root className="composer">
        <ComposerPrimitive.Input aria-label="Message" placeholder="Write a message…" />
        <ThreadPrimitive.If running={false}>
          <ComposerPrimitive.Send>Send</ComposerPrimitive.Send>
        </ThreadPrimitive.If>
        <ThreadPrimitive.If running>
          <ComposerPrimitive.Cancel>Stop</ComposerPrimitive.Cancel>
        </ThreadPrimitive.If>
      </ComposerPrimitive.Root>
    </ThreadPrimitive.Root>
  );
}
