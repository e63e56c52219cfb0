import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AgentRuntimeValidationError } from "../core/errors";
import { agUiCodec } from "./ag-ui-codec";
import type { AgentEvent } from "./types";

const context = { messageId: "msg-1", sessionId: "thread-0123456789-0123456789-abcdef" };
const decode = (event: unknown) => agUiCodec.decode(JSON.stringify(event));

describe("agUiCodec.encode", () => {
  it("sends a RunAgentInput whose thread is the session", () => {
    expect(JSON.parse(agUiCodec.encode("What's the weather?", context))).toEqual({
      threadId: context.sessionId,
      runId: "run-msg-1",
      state: {},
      messages: [{ id: "msg-1", role: "user", content: "What's the weather?" }],
      tools: [],
      context: [],
      forwardedProps: {},
    });
  });

  it("has no cancel frame (AG-UI cancels by closing the transport)", () => {
    expect(agUiCodec.cancel).toBeUndefined();
  });

  it("refuses non-strings with a validation error", () => {
    expect(() => agUiCodec.encode({} as unknown as string, context)).toThrow(
      new AgentRuntimeValidationError(
        "agUiCodec message must be a string or { text, attachments } (got an object)",
      ),
    );
    expect(() => agUiCodec.encode(null as unknown as string, context)).toThrow(
      AgentRuntimeValidationError,
    );
  });
});

describe("agUiCodec.decode", () => {
  it.each<[string, unknown, AgentEvent[]]>([
    [
      "RUN_STARTED",
      { type: "RUN_STARTED", threadId: "t", runId: "r" },
      [{ type: "run-started", threadId: "t", runId: "r" }],
    ],
    [
      "RUN_FINISHED",
      { type: "RUN_FINISHED", threadId: "t", runId: "r", result: 1 },
      [{ type: "run-finished", runId: "r" }],
    ],
    [
      "RUN_ERROR",
      { type: "RUN_ERROR", message: "quota", code: "429" },
      [{ type: "error", message: "quota", code: "429", fatal: true }],
    ],
    [
      "RUN_ERROR without a message",
      { type: "RUN_ERROR" },
      [{ type: "error", message: "The agent run failed", fatal: true }],
    ],
    [
      "TEXT_MESSAGE_START",
      { type: "TEXT_MESSAGE_START", messageId: "m", role: "assistant" },
      [{ type: "message-start", messageId: "m", role: "assistant" }],
    ],
    [
      "TEXT_MESSAGE_START without a role",
      { type: "TEXT_MESSAGE_START", messageId: "m" },
      [{ type: "message-start", messageId: "m", role: "assistant" }],
    ],
    [
      "TEXT_MESSAGE_START for another role",
      { type: "TEXT_MESSAGE_START", messageId: "m", role: "system" },
      [{ type: "message-start", messageId: "m", role: "system" }],
    ],
    [
      "TEXT_MESSAGE_CONTENT",
      { type: "TEXT_MESSAGE_CONTENT", messageId: "m", delta: "Hi" },
      [{ type: "text-delta", messageId: "m", delta: "Hi" }],
    ],
    [
      "TEXT_MESSAGE_END",
      { type: "TEXT_MESSAGE_END", messageId: "m" },
      [{ type: "message-end", messageId: "m" }],
    ],
    [
      "TEXT_MESSAGE_CHUNK",
      { type: "TEXT_MESSAGE_CHUNK", messageId: "m", role: "assistant", delta: "x" },
      [{ type: "text-chunk", messageId: "m", role: "assistant", delta: "x" }],
    ],
    [
      "TEXT_MESSAGE_CHUNK without delta",
      { type: "TEXT_MESSAGE_CHUNK", messageId: "m" },
      [{ type: "text-chunk", messageId: "m" }],
    ],
    [
      "TOOL_CALL_CHUNK",
      { type: "TOOL_CALL_CHUNK", toolCallId: "c", toolCallName: "f", delta: "{" },
      [{ type: "tool-call-chunk", toolCallId: "c", name: "f", delta: "{" }],
    ],
    [
      "TOOL_CALL_RESULT with content parts",
      {
        type: "TOOL_CALL_RESULT",
        messageId: "r",
        toolCallId: "c",
        content: [
          { type: "text", text: "sunny, " },
          { type: "image", source: { type: "url", value: "https://x.test/a.png" } },
          { type: "text", text: "21 °C" },
        ],
      },
      [{ type: "tool-call-result", toolCallId: "c", messageId: "r", content: "sunny, 21 °C" }],
    ],
    [
      "REASONING_MESSAGE_CONTENT",
      { type: "REASONING_MESSAGE_CONTENT", messageId: "r", delta: "hmm" },
      [{ type: "reasoning-delta", messageId: "r", delta: "hmm" }],
    ],
    [
      "RUN_FINISHED with an interrupt",
      {
        type: "RUN_FINISHED",
        threadId: "t",
        runId: "r",
        outcome: {
          type: "interrupt",
          interrupts: [{ id: "i1", reason: "tool_approval", message: "Send it?" }],
        },
      },
      [
        {
          type: "run-finished",
          runId: "r",
          outcome: "interrupt",
          interrupts: [{ id: "i1", reason: "tool_approval", message: "Send it?" }],
        },
      ],
    ],
    [
      "ACTIVITY_SNAPSHOT",
      { type: "ACTIVITY_SNAPSHOT", messageId: "a", activityType: "PLAN", content: { step: 1 } },
      [{ type: "activity", messageId: "a", activityType: "PLAN", content: { step: 1 } }],
    ],
    [
      "TOOL_CALL_START",
      { type: "TOOL_CALL_START", toolCallId: "c", toolCallName: "search", parentMessageId: "m" },
      [{ type: "tool-call-start", toolCallId: "c", name: "search", parentMessageId: "m" }],
    ],
    [
      "TOOL_CALL_ARGS",
      { type: "TOOL_CALL_ARGS", toolCallId: "c", delta: '{"q":' },
      [{ type: "tool-call-args", toolCallId: "c", delta: '{"q":' }],
    ],
    [
      "TOOL_CALL_END",
      { type: "TOOL_CALL_END", toolCallId: "c" },
      [{ type: "tool-call-end", toolCallId: "c" }],
    ],
    [
      "TOOL_CALL_RESULT",
      { type: "TOOL_CALL_RESULT", messageId: "m2", toolCallId: "c", content: "42", role: "tool" },
      [{ type: "tool-call-result", toolCallId: "c", content: "42", messageId: "m2" }],
    ],
    [
      "STATE_SNAPSHOT",
      { type: "STATE_SNAPSHOT", snapshot: { step: 1 } },
      [{ type: "state-snapshot", snapshot: { step: 1 } }],
    ],
    [
      "STATE_DELTA",
      { type: "STATE_DELTA", delta: [{ op: "replace", path: "/step", value: 2 }] },
      [{ type: "state-delta", delta: [{ op: "replace", path: "/step", value: 2 }] }],
    ],
    [
      "MESSAGES_SNAPSHOT",
      { type: "MESSAGES_SNAPSHOT", messages: [{ id: "1", role: "user", content: "x" }] },
      [{ type: "messages-snapshot", messages: [{ id: "1", role: "user", text: "x" }] }],
    ],
    [
      "CUSTOM",
      { type: "CUSTOM", name: "progress", value: 0.5 },
      [{ type: "custom", name: "progress", value: 0.5 }],
    ],
    [
      "STEP_STARTED",
      { type: "STEP_STARTED", stepName: "plan" },
      [{ type: "custom", name: "STEP_STARTED", value: { type: "STEP_STARTED", stepName: "plan" } }],
    ],
    [
      "an unknown type",
      { type: "SOMETHING_NEW", x: 1 },
      [{ type: "custom", name: "SOMETHING_NEW", value: { type: "SOMETHING_NEW", x: 1 } }],
    ],
  ])("%s", (_name, event, events) => {
    expect(decode(event)).toEqual(events);
  });

  it("reads a JSON array of events in order", () => {
    expect(
      decode([
        { type: "TEXT_MESSAGE_START", messageId: "m" },
        { type: "TEXT_MESSAGE_CONTENT", messageId: "m", delta: "a" },
        { type: "TEXT_MESSAGE_END", messageId: "m" },
      ]),
    ).toEqual([
      { type: "message-start", messageId: "m", role: "assistant" },
      { type: "text-delta", messageId: "m", delta: "a" },
      { type: "message-end", messageId: "m" },
    ]);
  });

  it("reads binary frames as UTF-8 JSON", () => {
    const frame = new TextEncoder().encode(
      JSON.stringify({ type: "TEXT_MESSAGE_CONTENT", messageId: "m", delta: "é" }),
    );
    expect(agUiCodec.decode(frame)).toEqual([{ type: "text-delta", messageId: "m", delta: "é" }]);
  });

  it.each<[string, string, string]>([
    ["not JSON", "hello", "malformed-frame"],
    ["a JSON string", '"hello"', "malformed-event"],
    ["no type", '{"delta":"x"}', "malformed-event"],
    [
      "CONTENT without a messageId",
      '{"type":"TEXT_MESSAGE_CONTENT","delta":"x"}',
      "malformed-event",
    ],
    [
      "CONTENT with a numeric delta",
      '{"type":"TEXT_MESSAGE_CONTENT","messageId":"m","delta":5}',
      "malformed-event",
    ],
    [
      "TOOL_CALL_START without a name",
      '{"type":"TOOL_CALL_START","toolCallId":"c"}',
      "malformed-event",
    ],
    [
      "STATE_DELTA that is not a patch array",
      '{"type":"STATE_DELTA","delta":{}}',
      "malformed-event",
    ],
    ["STATE_SNAPSHOT without a snapshot", '{"type":"STATE_SNAPSHOT"}', "malformed-event"],
  ])("turns %s into a non-fatal error event", (_name, frame, code) => {
    const events = agUiCodec.decode(frame);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "error", code });
    expect((events[0] as { fatal?: boolean }).fatal).toBeUndefined();
  });

  it("keeps the good events of an array that holds a bad one", () => {
    const events = decode([
      { type: "TEXT_MESSAGE_CONTENT", messageId: "m", delta: "a" },
      7,
      { type: "TEXT_MESSAGE_END", messageId: "m" },
    ]);
    expect(events.map((event) => event.type)).toEqual(["text-delta", "error", "message-end"]);
  });

  it("never throws, whatever arrives", () => {
    const eventLike = fc.record(
      {
        type: fc.oneof(
          fc.constantFrom(
            "RUN_STARTED",
            "TEXT_MESSAGE_CONTENT",
            "TOOL_CALL_START",
            "STATE_DELTA",
            "CUSTOM",
            "RUN_ERROR",
          ),
          fc.string(),
        ),
        messageId: fc.anything(),
        delta: fc.anything(),
        toolCallId: fc.anything(),
        toolCallName: fc.anything(),
        name: fc.anything(),
        message: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          eventLike.map((event) => JSON.stringify(event) ?? ""),
        ),
        (frame) => {
          expect(Array.isArray(agUiCodec.decode(frame))).toBe(true);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
