import { isMessageWithAttachments, type ChatInput } from "../core/attachment-reference";
import { invalidOption } from "../core/option-checks";
import { agUiContent, type AgUiContentPart } from "./ag-ui-content";
import { decodeAgUiFrame, prepareAgUiFrame } from "./ag-ui-frames";
import type { ProtoLoader } from "./ag-ui-proto";
import type {
  AgentEvent,
  AgentReply,
  Codec,
  EncodeContext,
  IncomingFrame,
  InterruptResponse,
} from "./types";

export type { AgUiContentPart, AgUiPartSource } from "./ag-ui-content";

/** A message of the `RunAgentInput` this codec sends: the user's, or a tool's result. */
export type AgUiInputMessage =
  /** A user message: its text, or with attachments AG-UI 1.0 content parts. */
  | { id: string; role: "user"; content: string | AgUiContentPart[] }
  | { id: string; role: "tool"; toolCallId: string; content: string; error?: string };

/** The AG-UI `RunAgentInput` this codec sends for one user message, or one reply. */
export interface AgUiRunAgentInput {
  threadId: string;
  runId: string;
  state: Record<string, never>;
  messages: AgUiInputMessage[];
  tools: never[];
  context: never[];
  forwardedProps: Record<string, never>;
  /** Answers to the interrupts the previous run finished with. */
  resume?: InterruptResponse[];
}

/**
 * The `RunAgentInput` for one message: thread = the session, run and message ids from the
 * outbox id. A message with attachments becomes content parts: text, then one `image`,
 * `audio`, `video` or `document` part per file with a `url` (or `file`: the key) source.
 */
export function toRunAgentInput(message: ChatInput, context: EncodeContext): AgUiRunAgentInput {
  let content: string | AgUiContentPart[];
  if (typeof message === "string") content = message;
  else if (message.attachments.length === 0) content = message.text;
  else content = agUiContent(message.text, message.attachments);
  return {
    threadId: context.sessionId,
    runId: `run-${context.messageId}`,
    state: {},
    messages: [{ id: context.messageId, role: "user", content }],
    tools: [],
    context: [],
    forwardedProps: {},
  };
}

/**
 * The `RunAgentInput` that continues the agent's work: each tool result as a `tool` message
 * (as `@ag-ui/client` adds one for a frontend tool), each interrupt answer in `resume`.
 */
export function toReplyInput(reply: AgentReply, context: EncodeContext): AgUiRunAgentInput {
  const input = toRunAgentInput("", context);
  input.messages = (reply.toolResults ?? []).map(({ toolCallId, content, error }) => ({
    id: `result-${toolCallId}`,
    role: "tool",
    toolCallId,
    content,
    ...(error === undefined ? {} : { error }),
  }));
  if (reply.resume?.length) input.resume = reply.resume;
  return input;
}

/** An AG-UI codec; `proto` reads the protobuf binary form (`null`: JSON and SSE text only). */
export function createAgUiCodec(proto: ProtoLoader | null): Codec<ChatInput> {
  return {
    name: "ag-ui",
    encode(message: ChatInput, context: EncodeContext): string {
      if (typeof message !== "string" && !isMessageWithAttachments(message)) {
        throw invalidOption("agUiCodec message", "a string or { text, attachments }", message);
      }
      return JSON.stringify(toRunAgentInput(message, context));
    },
    encodeReply(reply: AgentReply, context: EncodeContext): string {
      return JSON.stringify(toReplyInput(reply, context));
    },
    decode(frame: IncomingFrame): AgentEvent[] {
      return decodeAgUiFrame(frame, proto);
    },
    prepare(frame: IncomingFrame): Promise<void> | undefined {
      return prepareAgUiFrame(frame, proto);
    },
    // Every run begins with RUN_STARTED: the agent took the input that started it.
    acknowledges: (event) => event.type === "run-started",
  };
}

/**
 * A codec for agents that speak the AG-UI event protocol (which AgentCore Runtime hosts).
 * Sends each message as a `RunAgentInput` whose `threadId` is the runtime session id. Reads
 * plain JSON (an event or an array of events) and SSE text (`data: {...}` lines, one or many
 * events per frame: what the AgentCore SDK's `AGUIApp` sends), as text or binary frames. A
 * frame in the protobuf binary form of `@ag-ui/encoder` becomes an `unsupported-frame` error:
 * `agUiProtoCodec` from `agentcore-react/ag-ui-proto` reads that form too. AG-UI defines no
 * message that cancels a run from the client (a run ends when its transport closes), so this
 * codec has no cancel frame and `stop()` closes and reopens the stream. See docs/codecs.md for
 * the mapping.
 *
 * A message with attachments becomes AG-UI 1.0 content parts (see `toRunAgentInput`).
 * `encode` throws {@link AgentRuntimeValidationError} for a message that is neither a string
 * nor a {@link MessageWithAttachments}.
 */
export const agUiCodec: Codec<ChatInput> = createAgUiCodec(null);
