import type { AgentHandler } from "../agent-types";
import { AnswerQueue } from "./answer-queue";
import { inputTextOf, isCancelFrame, nextTurn, parseJson } from "./client-frames";
import { checkPacing, chunkText, pause } from "./pace";

/** Options of {@link streamingAgent}. */
export interface StreamingAgentOptions {
  /** Characters per text frame. Default 12. */
  chunkSize?: number;
  /** Pause before each frame, in ms. Default 30. */
  intervalMs?: number;
  /** The answer to stream; `turn` counts the session's questions across reconnects. */
  reply?: (inputText: string, turn: number) => string;
}

/** The frame that ends a complete answer of the streaming agent. */
export const STREAM_DONE = { type: "done" } as const;
/** The frame that ends an answer cut short by a cancel frame. */
export const STREAM_CANCELLED = { type: "done", cancelled: true } as const;

function defaultReply(inputText: string, turn: number): string {
  return (
    `Turn ${turn} of this session. You said: "${inputText}". ` +
    "This answer streams in small chunks so you can watch it arrive, stop it halfway, " +
    "or cut the connection and see the conversation carry on."
  );
}

/**
 * Answers `{"inputText": "..."}` (or any plain text) with many small text frames, one every
 * `intervalMs`, then `{"type":"done"}`. Questions queue and are answered in order.
 * `{"type":"cancel"}` or `{"action":"cancel"}` stops the answer in progress (and drops queued
 * ones) and ends it with `{"type":"done","cancelled":true}`. Other JSON gets
 * `{"type":"error","message":...}`; the socket stays open.
 */
export function streamingAgent(options: StreamingAgentOptions = {}): AgentHandler {
  const chunkSize = options.chunkSize ?? 12;
  const intervalMs = options.intervalMs ?? 30;
  const reply = options.reply ?? defaultReply;
  checkPacing(chunkSize, intervalMs);

  return (socket, context) => {
    const answers = new AnswerQueue<string>(socket, async (input, cancelled) => {
      const turn = nextTurn(context.session.state, "turns");
      let finished = true;
      for (const chunk of chunkText(reply(input, turn), chunkSize)) {
        if (!(await pause(context.timers, intervalMs, [socket.signal, cancelled]))) {
          finished = false;
          break;
        }
        socket.send(chunk);
      }
      if (!socket.isOpen) return;
      socket.sendJson(finished ? STREAM_DONE : STREAM_CANCELLED);
    });

    socket.on("message", (data) => {
      if (typeof data !== "string") {
        socket.sendJson({ type: "error", message: "The streaming agent reads text frames only" });
        return;
      }
      const json = parseJson(data);
      if (isCancelFrame(json)) return answers.cancel();
      const input = json === undefined ? data : inputTextOf(json);
      if (input === undefined) {
        socket.sendJson({ type: "error", message: 'Expected {"inputText": "..."} or plain text' });
        return;
      }
      return answers.push(input);
    });
  };
}
