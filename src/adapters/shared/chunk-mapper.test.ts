import type { UIMessageChunk } from "ai";
import type { AgentEvent } from "../../codecs/types";
import { ChunkMapper } from "./chunk-mapper";

function mapAll(...events: AgentEvent[]): { chunks: UIMessageChunk[]; mapper: ChunkMapper } {
  const mapper = new ChunkMapper("p");
  return { chunks: events.flatMap((event) => mapper.map(event)), mapper };
}

const TOOL = { dynamic: true, providerExecuted: true };

describe("ChunkMapper", () => {
  it("maps a text-codec answer (no runs): text part, then finish at message-end", () => {
    const { chunks, mapper } = mapAll(
      { type: "text-delta", delta: "Hel" },
      { type: "text-delta", delta: "lo" },
      { type: "message-end" },
    );
    expect(chunks).toEqual([
      { type: "text-start", id: "p-1" },
      { type: "text-delta", id: "p-1", delta: "Hel" },
      { type: "text-delta", id: "p-1", delta: "lo" },
      { type: "text-end", id: "p-1" },
      { type: "finish" },
    ]);
    expect(mapper.finished).toBe(true);
    expect(mapper.map({ type: "text-delta", delta: "late" })).toEqual([]);
  });

  it("maps an AG-UI run: messages, a tool call with its result, and finish at run-finished", () => {
    const { chunks, mapper } = mapAll(
      { type: "run-started", runId: "r1" },
      { type: "message-start", messageId: "m1" },
      { type: "text-delta", messageId: "m1", delta: "Looking." },
      { type: "message-end", messageId: "m1" },
      { type: "tool-call-start", toolCallId: "t1", name: "lookup", parentMessageId: "m1" },
      { type: "tool-call-args", toolCallId: "t1", delta: '{"q":' },
      { type: "tool-call-args", toolCallId: "t1", delta: '"x"}' },
      { type: "tool-call-end", toolCallId: "t1" },
      { type: "tool-call-result", toolCallId: "t1", content: "found" },
      { type: "message-start", messageId: "m2", role: "assistant" },
      { type: "text-delta", messageId: "m2", delta: "Done." },
      { type: "message-end", messageId: "m2" },
      { type: "run-finished", runId: "r1" },
    );
    expect(chunks).toEqual([
      { type: "text-start", id: "m1" },
      { type: "text-delta", id: "m1", delta: "Looking." },
      { type: "text-end", id: "m1" },
      { type: "tool-input-start", toolCallId: "t1", toolName: "lookup", ...TOOL },
      { type: "tool-input-delta", toolCallId: "t1", inputTextDelta: '{"q":' },
      { type: "tool-input-delta", toolCallId: "t1", inputTextDelta: '"x"}' },
      {
        type: "tool-input-available",
        toolCallId: "t1",
        toolName: "lookup",
        input: { q: "x" },
        ...TOOL,
      },
      { type: "tool-output-available", toolCallId: "t1", output: "found", ...TOOL },
      { type: "text-start", id: "m2" },
      { type: "text-delta", id: "m2", delta: "Done." },
      { type: "text-end", id: "m2" },
      { type: "finish" },
    ]);
    expect([...mapper.ids]).toEqual(["r1", "m1", "t1", "m2"]);
  });

  it("maps reasoning, and ends parts a chunk event implied at the next other event", () => {
    const { chunks } = mapAll(
      { type: "run-started" },
      { type: "reasoning-start", messageId: "r" },
      { type: "reasoning-delta", messageId: "r", delta: "hmm" },
      { type: "reasoning-end", messageId: "r" },
      { type: "reasoning-chunk", messageId: "rc", delta: "a" },
      { type: "activity", messageId: "x", activityType: "progress", content: {} },
      { type: "reasoning-chunk", delta: "b" },
      { type: "text-chunk", messageId: "c", delta: "x" },
      { type: "tool-call-chunk", toolCallId: "t", name: "f", delta: "{}" },
      { type: "run-finished", outcome: "interrupt" },
    );
    expect(chunks).toEqual([
      { type: "reasoning-start", id: "r" },
      { type: "reasoning-delta", id: "r", delta: "hmm" },
      { type: "reasoning-end", id: "r" },
      { type: "reasoning-start", id: "rc" },
      { type: "reasoning-delta", id: "rc", delta: "a" },
      { type: "reasoning-delta", id: "rc", delta: "b" },
      { type: "reasoning-end", id: "rc" },
      { type: "text-start", id: "c" },
      { type: "text-delta", id: "c", delta: "x" },
      { type: "text-end", id: "c" },
      { type: "tool-input-start", toolCallId: "t", toolName: "f", ...TOOL },
      { type: "tool-input-delta", toolCallId: "t", inputTextDelta: "{}" },
      { type: "tool-input-available", toolCallId: "t", toolName: "f", input: {}, ...TOOL },
      { type: "finish" },
    ]);
  });

  it("ends the open parts and reports a fatal error; a non-fatal one does not end the answer", () => {
    const { chunks, mapper } = mapAll(
      { type: "text-delta", delta: "par" },
      { type: "error", message: "unreadable frame", code: "malformed-frame" },
      { type: "text-delta", delta: "tial" },
      { type: "error", message: "model overloaded", fatal: true },
    );
    expect(chunks).toEqual([
      { type: "text-start", id: "p-1" },
      { type: "text-delta", id: "p-1", delta: "par" },
      { type: "text-delta", id: "p-1", delta: "tial" },
      { type: "text-end", id: "p-1" },
      { type: "error", errorText: "model overloaded" },
    ]);
    expect(mapper.finished).toBe(true);
  });

  it("keeps arguments that are not JSON as text, and ignores unknown tool calls", () => {
    const { chunks } = mapAll(
      { type: "tool-call-args", toolCallId: "nope", delta: "x" },
      { type: "tool-call-result", toolCallId: "nope", content: "x" },
      { type: "tool-call-start", toolCallId: "t", name: "shell" },
      { type: "tool-call-args", toolCallId: "t", delta: "ls -la" },
      { type: "tool-call-result", toolCallId: "t", content: "a b" },
    );
    expect(chunks).toEqual([
      { type: "tool-input-start", toolCallId: "t", toolName: "shell", ...TOOL },
      { type: "tool-input-delta", toolCallId: "t", inputTextDelta: "ls -la" },
      {
        type: "tool-input-available",
        toolCallId: "t",
        toolName: "shell",
        input: "ls -la",
        ...TOOL,
      },
      { type: "tool-output-available", toolCallId: "t", output: "a b", ...TOOL },
    ]);
  });

  it("maps sources to source-url parts; leaves out other roles' messages and unnamed chunks", () => {
    const { chunks } = mapAll(
      { type: "message-start", messageId: "u", role: "user" },
      { type: "text-chunk", messageId: "s", role: "system", delta: "rules" },
      { type: "text-chunk", delta: " and more rules" },
      {
        type: "sources",
        sources: [
          { url: "https://a.example/", title: "A" },
          { url: "https://b.example/", id: "2" },
        ],
      },
      { type: "text-chunk", delta: "no message id, and no stream open" },
    );
    expect(chunks).toEqual([
      { type: "source-url", sourceId: "https://a.example/", url: "https://a.example/", title: "A" },
      { type: "source-url", sourceId: "2", url: "https://b.example/" },
    ]);
  });
});
