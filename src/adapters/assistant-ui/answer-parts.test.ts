import type { AgentEvent } from "../../codecs/types";
import { AnswerParts } from "./answer-parts";

function build(...events: AgentEvent[]): AnswerParts {
  const parts = new AnswerParts();
  for (const event of events) parts.map(event);
  return parts;
}

describe("AnswerParts", () => {
  it("builds a text-codec answer (no runs) and ends it at message-end", () => {
    const parts = build(
      { type: "text-delta", delta: "Hel" },
      { type: "text-delta", delta: "lo" },
      { type: "message-end" },
    );
    expect(parts.content).toEqual([{ type: "text", text: "Hello" }]);
    expect(parts.finished).toBe(true);
    expect(parts.map({ type: "text-delta", delta: "late" })).toEqual([]);
    expect(parts.content).toEqual([{ type: "text", text: "Hello" }]);
  });

  it("builds an AG-UI run: messages and a tool call with its result, ending at run-finished", () => {
    const parts = build(
      { type: "run-started", runId: "r1" },
      { type: "message-start", messageId: "m1" },
      { type: "text-delta", messageId: "m1", delta: "Looking." },
      { type: "message-end", messageId: "m1" },
      { type: "tool-call-start", toolCallId: "t1", name: "lookup", parentMessageId: "m1" },
      { type: "tool-call-args", toolCallId: "t1", delta: '{"q":' },
      { type: "tool-call-args", toolCallId: "t1", delta: '"x"}' },
      { type: "tool-call-end", toolCallId: "t1" },
      { type: "tool-call-result", toolCallId: "t1", content: '{"found":1}' },
      { type: "message-start", messageId: "m2", role: "assistant" },
      { type: "text-delta", messageId: "m2", delta: "Done." },
      { type: "message-end", messageId: "m2" },
    );
    expect(parts.finished).toBe(false);
    parts.map({ type: "run-finished", runId: "r1" });
    expect(parts.finished).toBe(true);
    expect(parts.content).toEqual([
      { type: "text", text: "Looking." },
      {
        type: "tool-call",
        toolCallId: "t1",
        toolName: "lookup",
        args: { q: "x" },
        argsText: '{"q":"x"}',
        result: { found: 1 },
      },
      { type: "text", text: "Done." },
    ]);
    expect([...parts.ids]).toEqual(["r1", "m1", "t1", "m2"]);
  });

  it("replaces only the part an event changed, and says what changed", () => {
    const parts = new AnswerParts();
    parts.map({ type: "text-delta", messageId: "a", delta: "one" });
    parts.map({ type: "tool-call-start", toolCallId: "t", name: "f" });
    const [text, tool] = parts.content;
    const version = parts.version;
    expect(parts.map({ type: "tool-call-args", toolCallId: "t", delta: "{}" })).not.toEqual([]);
    expect(parts.content[0]).toBe(text);
    expect(parts.content[1]).not.toBe(tool);
    expect(parts.version).toBeGreaterThan(version);
    expect(parts.map({ type: "state-snapshot", snapshot: {} })).toEqual([]);
  });

  it("builds reasoning, and ends a chunk stream at the next other event", () => {
    const parts = build(
      { type: "run-started" },
      { type: "reasoning-start", messageId: "r" },
      { type: "reasoning-delta", messageId: "r", delta: "hmm" },
      { type: "reasoning-end", messageId: "r" },
      { type: "reasoning-chunk", messageId: "rc", delta: "a" },
      { type: "activity", messageId: "x", activityType: "progress", content: {} },
      { type: "reasoning-chunk", delta: "b" },
      { type: "text-chunk", messageId: "c", delta: "x" },
      { type: "tool-call-chunk", toolCallId: "t", name: "f", delta: '{"a":' },
      { type: "tool-call-chunk", delta: "1}" },
      { type: "text-chunk", messageId: "c", delta: "y" },
      { type: "tool-call-chunk", toolCallId: "t", delta: "ignored: its arguments were whole" },
      { type: "run-finished", outcome: "interrupt" },
    );
    expect(parts.content).toEqual([
      { type: "reasoning", text: "hmm" },
      { type: "reasoning", text: "ab" },
      { type: "text", text: "xy" },
      { type: "tool-call", toolCallId: "t", toolName: "f", args: { a: 1 }, argsText: '{"a":1}' },
    ]);
    expect(parts.finished).toBe(true);
  });

  it("fails on a fatal error with what arrived kept; a non-fatal one does not end the answer", () => {
    const parts = build(
      { type: "text-delta", delta: "par" },
      { type: "error", message: "unreadable frame", code: "malformed-frame" },
      { type: "text-delta", delta: "tial" },
    );
    expect(parts.finished).toBe(false);
    parts.map({ type: "error", message: "model overloaded", fatal: true });
    expect(parts.finished).toBe(true);
    expect(parts.error).toBe("model overloaded");
    expect(parts.content).toEqual([{ type: "text", text: "partial" }]);
  });

  it("keeps arguments that are not a JSON object as text only, and ignores unknown tool calls", () => {
    const parts = build(
      { type: "tool-call-args", toolCallId: "nope", delta: "x" },
      { type: "tool-call-result", toolCallId: "nope", content: "x" },
      { type: "tool-call-start", toolCallId: "t", name: "shell" },
      { type: "tool-call-args", toolCallId: "t", delta: "ls -la" },
      { type: "tool-call-result", toolCallId: "t", content: "a b" },
    );
    expect(parts.content).toEqual([
      {
        type: "tool-call",
        toolCallId: "t",
        toolName: "shell",
        args: {},
        argsText: "ls -la",
        result: "a b",
      },
    ]);
  });

  it("builds sources; leaves out other roles' messages and unnamed first chunks", () => {
    const parts = build(
      { type: "message-start", messageId: "u", role: "user" },
      { type: "text-delta", messageId: "u", delta: "the question" },
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
      { type: "message-end", messageId: "u" },
    );
    expect(parts.content).toEqual([
      {
        type: "source",
        sourceType: "url",
        id: "https://a.example/",
        url: "https://a.example/",
        title: "A",
      },
      { type: "source", sourceType: "url", id: "2", url: "https://b.example/" },
    ]);
    expect(parts.finished).toBe(false);
  });
});
