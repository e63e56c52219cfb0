import { describe, expect, it } from "vitest";
import { AG_UI_EVENT, agUiEventCodec } from "./event-codec";

const started = { type: "RUN_STARTED", threadId: "t", runId: "r" };
const content = { type: "TEXT_MESSAGE_CONTENT", messageId: "m", delta: "Hé" };

const passed = (value: unknown) => ({ type: "custom", name: AG_UI_EVENT, value });

describe("agUiEventCodec", () => {
  it("sends the RunAgentInput as one JSON frame", () => {
    const input = {
      threadId: "t",
      runId: "r",
      state: {},
      messages: [{ id: "1", role: "user" as const, content: "hi" }],
      tools: [],
      context: [],
      forwardedProps: {},
    };
    const frame = agUiEventCodec.encode(input, { messageId: "x", sessionId: "s" });
    expect(JSON.parse(frame)).toEqual(input);
  });

  it("passes SSE-framed events through verbatim, several per frame", () => {
    const frame = `data: ${JSON.stringify(started)}\n\nevent: x\r\ndata: ${JSON.stringify(content)}\r\n\r\n`;
    expect(agUiEventCodec.decode(frame)).toEqual([passed(started), passed(content)]);
  });

  it("reads plain JSON, an array of events, and binary UTF-8 frames", () => {
    expect(agUiEventCodec.decode(JSON.stringify(started))).toEqual([passed(started)]);
    expect(agUiEventCodec.decode(JSON.stringify([started, content]))).toEqual([
      passed(started),
      passed(content),
    ]);
    const bytes = new TextEncoder().encode(`data: ${JSON.stringify(content)}\n\n`);
    expect(agUiEventCodec.decode(bytes)).toEqual([passed(content)]);
  });

  it("makes a malformed-frame error of what is not AG-UI events", () => {
    for (const frame of ["hello there", "{not json", '{"delta":"no type"}', "data: [1]\n\n"]) {
      expect(agUiEventCodec.decode(frame)).toEqual([
        expect.objectContaining({ type: "error", code: "malformed-frame" }),
      ]);
    }
  });
});
