import { RunAgentInputSchema } from "@ag-ui/core/schemas";
import { describe, expect, it } from "vitest";
import { agUiCodec } from "./ag-ui-codec";
import { textCodec } from "./text-codec";
import type { AgentReply } from "./types";

const context = { messageId: "m-7", sessionId: "session-1" };
const reply: AgentReply = {
  toolResults: [
    { toolCallId: "t1", content: '{"lat":48.1}' },
    { toolCallId: "t2", content: "No permission", error: "No permission" },
  ],
  resume: [{ interruptId: "i1", status: "resolved", payload: { approved: false, reason: "no" } }],
};

describe("agUiCodec.encodeReply", () => {
  it("sends tool results as tool messages and answers in resume, as @ag-ui/core validates", () => {
    const input = JSON.parse(agUiCodec.encodeReply?.(reply, context) ?? "null");
    expect(input).toEqual({
      threadId: "session-1",
      runId: "run-m-7",
      state: {},
      messages: [
        { id: "result-t1", role: "tool", toolCallId: "t1", content: '{"lat":48.1}' },
        {
          id: "result-t2",
          role: "tool",
          toolCallId: "t2",
          content: "No permission",
          error: "No permission",
        },
      ],
      tools: [],
      context: [],
      forwardedProps: {},
      resume: reply.resume,
    });
    expect(RunAgentInputSchema.safeParse(input).success).toBe(true);
  });

  it("leaves resume out when there is nothing to resume", () => {
    const input = JSON.parse(agUiCodec.encodeReply?.({ toolResults: [] }, context) ?? "null");
    expect(input).not.toHaveProperty("resume");
    expect(input.messages).toEqual([]);
  });
});

describe("textCodec replies and tool frames", () => {
  it("sends a reply as one JSON frame of type reply", () => {
    expect(JSON.parse(textCodec.encodeReply?.(reply, context) ?? "null")).toEqual({
      type: "reply",
      ...reply,
    });
  });

  it("reads a tool_call frame as a whole tool call, and tool_result as its result", () => {
    const call = { type: "tool_call", toolCallId: "t1", name: "get_location", args: { a: 1 } };
    expect(textCodec.decode(JSON.stringify(call))).toEqual([
      { type: "tool-call-start", toolCallId: "t1", name: "get_location" },
      { type: "tool-call-args", toolCallId: "t1", delta: '{"a":1}' },
      { type: "tool-call-end", toolCallId: "t1" },
    ]);
    const result = { type: "tool_result", toolCallId: "t1", content: "sunny" };
    expect(textCodec.decode(JSON.stringify(result))).toEqual([
      { type: "tool-call-result", toolCallId: "t1", content: "sunny" },
    ]);
  });

  it("keeps reading other objects as before", () => {
    expect(textCodec.decode('{"type":"tool_call","name":"x"}')).toEqual([
      { type: "custom", name: "json", value: { type: "tool_call", name: "x" } },
    ]);
    expect(textCodec.decode('{"type":"tool_result","content":"hi"}')).toEqual([
      { type: "text-delta", delta: "hi" },
    ]);
  });
});
