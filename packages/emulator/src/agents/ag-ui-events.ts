import { isRecord } from "../json-record";
import { chunkText } from "./pace";

/** The tool the AG-UI agent pretends to call. */
export const AG_UI_TOOL_NAME = "lookup";

/** The AG-UI events the agent sends, each with its fields in wire order. */
export type AgUiEvent =
  | { type: "RUN_STARTED"; threadId: string; runId: string }
  | { type: "TEXT_MESSAGE_START"; messageId: string; role: "assistant" }
  | { type: "TEXT_MESSAGE_CONTENT"; messageId: string; delta: string }
  | { type: "TEXT_MESSAGE_END"; messageId: string }
  | { type: "TOOL_CALL_START"; toolCallId: string; toolCallName: string; parentMessageId: string }
  | { type: "TOOL_CALL_ARGS"; toolCallId: string; delta: string }
  | { type: "TOOL_CALL_END"; toolCallId: string }
  | {
      type: "TOOL_CALL_RESULT";
      messageId: string;
      toolCallId: string;
      content: string;
      role: "tool";
    }
  | { type: "RUN_FINISHED"; threadId: string; runId: string };

/** One run's events, in order, with the ids they use. */
export interface AgUiRun {
  threadId: string;
  runId: string;
  events: AgUiEvent[];
}

/** What a run is made of. */
export interface AgUiRunPlan {
  /** The RunAgentInput (for its `threadId` and `runId`). */
  input: unknown;
  /** The user's question. */
  text: string;
  /** The final answer. */
  answer: string;
  /** The thread id to use when the input has none: the session id. */
  fallbackThreadId: string;
  /** The session's run count, for the default run id. */
  turn: number;
  chunkSize: number;
  /** Whether the run calls the tool before answering. */
  withTool: boolean;
}

/** The text of the last user message of a RunAgentInput, or of `{"inputText": ...}`. */
export function userText(input: unknown): string | undefined {
  if (!isRecord(input)) return undefined;
  if (typeof input["inputText"] === "string") return input["inputText"];
  const messages = input["messages"];
  if (!Array.isArray(messages)) return undefined;
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message: unknown = messages[i];
    if (!isRecord(message) || message["role"] !== "user") continue;
    const content = message["content"];
    if (typeof content === "string") return content;
    if (Array.isArray(content)) return content.map(partText).join("");
  }
  return undefined;
}

function partText(part: unknown): string {
  return isRecord(part) && typeof part["text"] === "string" ? part["text"] : "";
}

/** A string field that is present and not empty, else `undefined`. */
function idField(input: unknown, key: string): string | undefined {
  if (!isRecord(input)) return undefined;
  const value = input[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * The events of one run: `RUN_STARTED`, with a tool call a short text message then
 * `TOOL_CALL_START/ARGS/END` and `TOOL_CALL_RESULT`, the answer as a text message, and
 * `RUN_FINISHED`.
 */
export function agUiRun(plan: AgUiRunPlan): AgUiRun {
  const threadId = idField(plan.input, "threadId") ?? plan.fallbackThreadId;
  const runId = idField(plan.input, "runId") ?? `run-${plan.turn}`;
  const events: AgUiEvent[] = [{ type: "RUN_STARTED", threadId, runId }];
  if (plan.withTool) {
    events.push(...textMessage(`${runId}-msg-1`, "Let me look that up.", plan.chunkSize));
    events.push(...toolCall(runId, plan.text, plan.chunkSize));
  }
  events.push(...textMessage(`${runId}-msg-2`, plan.answer, plan.chunkSize));
  events.push({ type: "RUN_FINISHED", threadId, runId });
  return { threadId, runId, events };
}

function textMessage(messageId: string, body: string, chunkSize: number): AgUiEvent[] {
  return [
    { type: "TEXT_MESSAGE_START", messageId, role: "assistant" },
    ...chunkText(body, chunkSize).map((delta): AgUiEvent => ({
      type: "TEXT_MESSAGE_CONTENT",
      messageId,
      delta,
    })),
    { type: "TEXT_MESSAGE_END", messageId },
  ];
}

function toolCall(runId: string, query: string, chunkSize: number): AgUiEvent[] {
  const toolCallId = `${runId}-tool-1`;
  return [
    {
      type: "TOOL_CALL_START",
      toolCallId,
      toolCallName: AG_UI_TOOL_NAME,
      parentMessageId: `${runId}-msg-1`,
    },
    ...chunkText(JSON.stringify({ query }), chunkSize).map((delta): AgUiEvent => ({
      type: "TOOL_CALL_ARGS",
      toolCallId,
      delta,
    })),
    { type: "TOOL_CALL_END", toolCallId },
    {
      type: "TOOL_CALL_RESULT",
      messageId: `${runId}-tool-result-1`,
      toolCallId,
      content: JSON.stringify({ found: true, query }),
      role: "tool",
    },
  ];
}
