import { describe, expect, it } from "vitest";
import { createTextDecoder, textCodec } from "./text-codec";
import type { AgentEvent, IncomingFrame } from "./types";

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

/** Every event of `frames` decoded in order by one stream decoder. */
function stream(...frames: IncomingFrame[]): AgentEvent[] {
  const decoder = createTextDecoder();
  return frames.flatMap((frame) => decoder.decode(frame));
}

/** The text of the text-delta events, joined. */
const textOf = (events: AgentEvent[]) =>
  events.map((event) => (event.type === "text-delta" ? event.delta : "")).join("");

describe("textCodec stream decoder: UTF-8 across binary frames", () => {
  it("joins a two-byte character split across two binary frames", () => {
    const events = stream(bytes(0x63, 0x61, 0x66, 0xc3), bytes(0xa9, 0x21));
    expect(events).toEqual([
      { type: "text-delta", delta: "caf" },
      { type: "text-delta", delta: "é!" },
    ]);
    // Read frame by frame, the same bytes show two replacement characters.
    expect(
      textOf([bytes(0x63, 0x61, 0x66, 0xc3), bytes(0xa9, 0x21)].flatMap(textCodec.decode)),
    ).toBe("caf\uFFFD\uFFFD!");
  });

  it("joins a four-byte character split across three frames, ArrayBuffers included", () => {
    const rocket = utf8("🚀");
    const events = stream(
      rocket.slice(0, 1).buffer,
      rocket.slice(1, 3),
      new Uint8Array([...rocket.slice(3), 0x20, 0x6f, 0x6b]).buffer,
    );
    expect(events).toEqual([{ type: "text-delta", delta: "🚀 ok" }]);
  });

  it("starts the UTF-8 decoder over when the answer ends", () => {
    // An answer that ends with half a character, then a new answer: the dangling byte is
    // dropped with the old answer instead of joining the next one's first byte.
    const events = stream(bytes(0x61, 0xc3), '{"type":"done"}', bytes(0xa9, 0x62));
    expect(events).toEqual([
      { type: "text-delta", delta: "a" },
      { type: "message-end" },
      { type: "text-delta", delta: "\uFFFDb" },
    ]);
    // Without the end in between, the same bytes join.
    expect(stream(bytes(0x61, 0xc3), bytes(0xa9, 0x62))).toEqual([
      { type: "text-delta", delta: "a" },
      { type: "text-delta", delta: "éb" },
    ]);
  });

  it("starts over after a fatal error too, and keeps invalid bytes as U+FFFD", () => {
    const events = stream(bytes(0xc3), '{"error":"boom"}', bytes(0xa9), bytes(0x61, 0xff));
    expect(events).toEqual([
      { type: "error", message: "boom", fatal: true },
      { type: "text-delta", delta: "\uFFFD" },
      { type: "text-delta", delta: "a\uFFFD" },
    ]);
  });

  it("gives each decoder its own memory", () => {
    const first = createTextDecoder();
    const second = createTextDecoder();
    expect(first.decode(bytes(0xc3))).toEqual([]);
    expect(second.decode(bytes(0xa9))).toEqual([{ type: "text-delta", delta: "\uFFFD" }]);
    expect(first.decode(bytes(0xa9))).toEqual([{ type: "text-delta", delta: "é" }]);
  });

  it("never throws, and answers a frame it cannot read with malformed-frame", () => {
    const decoder = createTextDecoder();
    expect(decoder.decode({} as never)).toEqual([
      { type: "error", message: expect.any(String), code: "malformed-frame" },
    ]);
    expect(decoder.decode("still fine")).toEqual([{ type: "text-delta", delta: "still fine" }]);
  });
});

describe("textCodec stream decoder: the AgentCore Python SDK's stream_chunk shape", () => {
  it("ends each answer at stream_complete, so the next turn is a new answer", () => {
    const chunk = (id: number, data: string) =>
      JSON.stringify({ type: "stream_chunk", chunk_id: id, data });
    expect(
      stream(chunk(0, "One "), chunk(1, "two."), '{"type":"stream_complete"}', chunk(0, "Three")),
    ).toEqual([
      { type: "text-delta", delta: "One " },
      { type: "text-delta", delta: "two." },
      { type: "message-end" },
      { type: "text-delta", delta: "Three" },
    ]);
  });

  it("reads the SDK's streaming error event as a fatal error", () => {
    const frame = JSON.stringify({
      error: "model timed out",
      error_type: "TimeoutError",
      message: "An error occurred during streaming",
    });
    expect(stream(frame)).toEqual([{ type: "error", message: "model timed out", fatal: true }]);
  });
});

describe("textCodec stream decoder: Strands agent events", () => {
  const chunk = (delta: Record<string, unknown>) =>
    JSON.stringify({ event: { contentBlockDelta: { delta, contentBlockIndex: 0 } } });
  const textEvent = (text: string) =>
    JSON.stringify({ data: text, delta: { text }, event_loop_cycle_id: "c1", agent: "<Agent>" });
  const stop = (stopReason: string) => JSON.stringify({ event: { messageStop: { stopReason } } });

  it("shows text forwarded both as model chunks and as text events once", () => {
    const events = stream(
      '{"init_event_loop":true}',
      chunk({ text: "Hel" }),
      textEvent("Hel"),
      chunk({ text: "lo" }),
      textEvent("lo"),
      stop("end_turn"),
      '{"result":"Hello"}',
    );
    expect(textOf(events)).toBe("Hello");
    expect(events.filter((event) => event.type === "message-end")).toHaveLength(2);
  });

  it("shows text events alone, and ends the answer at the result", () => {
    const events = stream(textEvent("Hi"), textEvent(" there"), '{"result":"Hi there"}');
    expect(events).toEqual([
      { type: "text-delta", delta: "Hi" },
      { type: "text-delta", delta: " there" },
      { type: "message-end" },
    ]);
  });

  it("keeps the answer open across a tool call and ends it at the last messageStop", () => {
    const events = stream(
      chunk({ text: "Checking. " }),
      stop("tool_use"),
      chunk({ text: "Sunny." }),
    );
    expect(textOf(events)).toBe("Checking. Sunny.");
    expect(events.some((event) => event.type === "message-end")).toBe(false);
    expect(stream(chunk({ text: "x" }), stop("max_tokens")).at(-1)).toEqual({
      type: "message-end",
    });
  });

  it("shows no reasoning or tool input as answer text", () => {
    const events = stream(
      chunk({ reasoningContent: { text: "thinking" } }),
      JSON.stringify({
        reasoningText: "thinking",
        delta: { reasoningContent: {} },
        reasoning: true,
      }),
      chunk({ toolUse: { input: '{"city":' } }),
      JSON.stringify({ type: "tool_use_stream", delta: {}, current_tool_use: { name: "weather" } }),
    );
    expect(events.every((event) => event.type === "custom")).toBe(true);
  });

  it("reads force_stop as a fatal error with its reason", () => {
    expect(stream('{"force_stop":true,"force_stop_reason":"Throttled"}')).toEqual([
      { type: "error", message: "Throttled", fatal: true },
    ]);
  });

  it("leaves a result alone in a stream without Strands events", () => {
    expect(stream('{"result":"Hi"}')).toEqual([
      { type: "custom", name: "json", value: { result: "Hi" } },
    ]);
  });
});
