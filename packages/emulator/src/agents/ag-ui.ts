import type { AgentHandler } from "../agent-types";
import { checkPacing, chunkText, inputTextOf, isCancelFrame, parseJson, pause } from "./pace";

/** Options of {@link agUiAgent}. */
export interface AgUiAgentOptions {
  /** Characters per `TEXT_MESSAGE_CONTENT` / `TOOL_CALL_ARGS` delta. Default 12. */
  chunkSize?: number;
  /** Pause before each event, in ms. Default 30. */
  intervalMs?: number;
  /** Whether a run includes a tool call. Default true. */
  toolCall?: boolean;
  /** The final answer's text; `turn` counts the session's runs across reconnects. */
  reply?: (inputText: string, turn: number) => string;
}

/** The tool the AG-UI agent pretends to call. */
export const AG_UI_TOOL_NAME = "lookup";

type AgUiEvent = { type: string } & Record<string, unknown>;

function defaultReply(inputText: string, turn: number): string {
  return `Run ${turn} of this thread. The lookup for "${inputText}" came back, and here is the answer, streamed as AG-UI events.`;
}

/** The text of the last user message of a RunAgentInput, or of `{"inputText": ...}`. */
function userText(input: unknown): string | undefined {
  const direct = inputTextOf(input);
  if (direct !== undefined) return direct;
  if (!input || typeof input !== "object") return undefined;
  const messages = (input as Record<string, unknown>)["messages"];
  if (!Array.isArray(messages)) return undefined;
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i] as Record<string, unknown> | null;
    if (!message || message["role"] !== "user") continue;
    const content = message["content"];
    if (typeof content === "string") return content;
    if (Array.isArray(content)) {
      return content
        .map((part) =>
          part &&
          typeof part === "object" &&
          typeof (part as Record<string, unknown>)["text"] === "string"
            ? (part as Record<string, string>)["text"]
            : "",
        )
        .join("");
    }
  }
  return undefined;
}

function stringField(input: unknown, key: string): string | undefined {
  if (!input || typeof input !== "object") return undefined;
  const value = (input as Record<string, unknown>)[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * An AG-UI agent: answers a RunAgentInput (`{threadId, runId, messages: [...]}`, or
 * `{"inputText": ...}`) with AG-UI events as JSON text frames: `RUN_STARTED`, a short
 * `TEXT_MESSAGE_START/CONTENT/END`, a tool call (`TOOL_CALL_START/ARGS/END`,
 * `TOOL_CALL_RESULT`), the answer as a second text message, then `RUN_FINISHED`. A cancel frame
 * (`{"type":"cancel"}`) ends what is open and finishes the run with `result: {cancelled: true}`.
 * Input it cannot read gets `RUN_ERROR`.
 */
export function agUiAgent(options: AgUiAgentOptions = {}): AgentHandler {
  const chunkSize = options.chunkSize ?? 12;
  const intervalMs = options.intervalMs ?? 30;
  const withTool = options.toolCall ?? true;
  const reply = options.reply ?? defaultReply;
  checkPacing(chunkSize, intervalMs);

  return (socket, context) => {
    const queue: unknown[] = [];
    let cancel: AbortController | undefined;
    let running = false;

    const events = (
      input: unknown,
      text: string,
      turn: number,
    ): { threadId: string; runId: string; list: AgUiEvent[] } => {
      const threadId = stringField(input, "threadId") ?? context.sessionId;
      const runId = stringField(input, "runId") ?? `run-${turn}`;
      const list: AgUiEvent[] = [{ type: "RUN_STARTED", threadId, runId }];
      const message = (messageId: string, body: string) => {
        list.push({ type: "TEXT_MESSAGE_START", messageId, role: "assistant" });
        for (const delta of chunkText(body, chunkSize))
          list.push({ type: "TEXT_MESSAGE_CONTENT", messageId, delta });
        list.push({ type: "TEXT_MESSAGE_END", messageId });
      };
      if (withTool) {
        const toolCallId = `${runId}-tool-1`;
        message(`${runId}-msg-1`, "Let me look that up.");
        list.push({
          type: "TOOL_CALL_START",
          toolCallId,
          toolCallName: AG_UI_TOOL_NAME,
          parentMessageId: `${runId}-msg-1`,
        });
        for (const delta of chunkText(JSON.stringify({ query: text }), chunkSize))
          list.push({ type: "TOOL_CALL_ARGS", toolCallId, delta });
        list.push({ type: "TOOL_CALL_END", toolCallId });
        list.push({
          type: "TOOL_CALL_RESULT",
          messageId: `${runId}-tool-result-1`,
          toolCallId,
          content: JSON.stringify({ found: true, query: text }),
          role: "tool",
        });
      }
      message(`${runId}-msg-2`, reply(text, turn));
      list.push({ type: "RUN_FINISHED", threadId, runId });
      return { threadId, runId, list };
    };

    const runOne = async (input: unknown, signal: AbortSignal) => {
      const text = userText(input);
      if (text === undefined) {
        socket.sendJson({
          type: "RUN_ERROR",
          message: 'Expected a RunAgentInput with a user message, or {"inputText": ...}',
          code: "invalid_input",
        });
        return;
      }
      const turn = ((context.session.state["agUiRuns"] as number | undefined) ?? 0) + 1;
      context.session.state["agUiRuns"] = turn;
      const { threadId, runId, list } = events(input, text, turn);
      let openMessage: string | undefined;
      let openToolCall: string | undefined;
      for (const event of list) {
        if (!(await pause(context.timers, intervalMs, [socket.signal, signal]))) {
          if (!socket.isOpen) return;
          if (openMessage) socket.sendJson({ type: "TEXT_MESSAGE_END", messageId: openMessage });
          if (openToolCall) socket.sendJson({ type: "TOOL_CALL_END", toolCallId: openToolCall });
          socket.sendJson({ type: "RUN_FINISHED", threadId, runId, result: { cancelled: true } });
          return;
        }
        if (event.type === "TEXT_MESSAGE_START") openMessage = event["messageId"] as string;
        if (event.type === "TEXT_MESSAGE_END") openMessage = undefined;
        if (event.type === "TOOL_CALL_START") openToolCall = event["toolCallId"] as string;
        if (event.type === "TOOL_CALL_END") openToolCall = undefined;
        socket.sendJson(event);
      }
    };

    const run = async () => {
      running = true;
      while (queue.length > 0 && socket.isOpen) {
        cancel = new AbortController();
        await runOne(queue.shift(), cancel.signal);
      }
      cancel = undefined;
      running = false;
    };

    socket.on("message", (data) => {
      const json = typeof data === "string" ? parseJson(data) : undefined;
      if (isCancelFrame(json)) {
        queue.length = 0;
        cancel?.abort();
        return;
      }
      queue.push(json);
      if (!running) return run();
    });
  };
}
