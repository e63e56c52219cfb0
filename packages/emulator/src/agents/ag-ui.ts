import type { AgentContext, AgentHandler, AgentSocket } from "../agent-types";
import { agUiRun, userText, type AgUiEvent, type AgUiRun } from "./ag-ui-events";
import { AnswerQueue } from "./answer-queue";
import { isCancelFrame, nextTurn, parseJson } from "./client-frames";
import { checkPacing, pause } from "./pace";

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

function defaultReply(inputText: string, turn: number): string {
  return `Run ${turn} of this thread. The lookup for "${inputText}" came back, and here is the answer, streamed as AG-UI events.`;
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
    const answers = new AnswerQueue<unknown>(socket, async (input, cancelled) => {
      const text = userText(input);
      if (text === undefined) {
        socket.sendJson({
          type: "RUN_ERROR",
          message: 'Expected a RunAgentInput with a user message, or {"inputText": ...}',
          code: "invalid_input",
        });
        return;
      }
      const turn = nextTurn(context.session.state, "agUiRuns");
      const answer = reply(text, turn);
      const fallbackThreadId = context.sessionId;
      const run = agUiRun({ input, text, answer, fallbackThreadId, turn, chunkSize, withTool });
      await streamRun(run, { socket, context, intervalMs, cancelled });
    });

    socket.on("message", (data) => {
      const json = typeof data === "string" ? parseJson(data) : undefined;
      if (isCancelFrame(json)) return answers.cancel();
      return answers.push(json);
    });
  };
}

interface RunStream {
  socket: AgentSocket;
  context: AgentContext;
  intervalMs: number;
  /** Aborts when the client cancels the run. */
  cancelled: AbortSignal;
}

/**
 * Sends a run's events one every `intervalMs`. Cut short (cancel, not close), it ends the open
 * text message or tool call and finishes the run with `result: {cancelled: true}`.
 */
async function streamRun(run: AgUiRun, stream: RunStream): Promise<void> {
  const { socket, context, intervalMs, cancelled } = stream;
  const open = new OpenParts();
  for (const event of run.events) {
    if (!(await pause(context.timers, intervalMs, [socket.signal, cancelled]))) {
      if (!socket.isOpen) return;
      for (const end of open.endings()) socket.sendJson(end);
      const { threadId, runId } = run;
      socket.sendJson({ type: "RUN_FINISHED", threadId, runId, result: { cancelled: true } });
      return;
    }
    open.track(event);
    socket.sendJson(event);
  }
}

/** The text message and tool call a run has started and not yet ended. */
class OpenParts {
  #message: string | undefined;
  #toolCall: string | undefined;

  track(event: AgUiEvent): void {
    if (event.type === "TEXT_MESSAGE_START") this.#message = event.messageId;
    if (event.type === "TEXT_MESSAGE_END") this.#message = undefined;
    if (event.type === "TOOL_CALL_START") this.#toolCall = event.toolCallId;
    if (event.type === "TOOL_CALL_END") this.#toolCall = undefined;
  }

  /** The events that end what is open: the text message first, then the tool call. */
  endings(): AgUiEvent[] {
    const endings: AgUiEvent[] = [];
    if (this.#message) endings.push({ type: "TEXT_MESSAGE_END", messageId: this.#message });
    if (this.#toolCall) endings.push({ type: "TOOL_CALL_END", toolCallId: this.#toolCall });
    return endings;
  }
}
