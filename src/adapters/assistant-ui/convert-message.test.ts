import { fromThreadMessageLike, type AppendMessage } from "@assistant-ui/react";
import { describe, expect, it } from "vitest";
import type { ChatMessage } from "../../store/types";
import { appendedText, isThreadMessage, toMessageStatus, toThreadMessage } from "./convert-message";

function message(patch: Partial<ChatMessage>): ChatMessage {
  return {
    id: "m1",
    role: "assistant",
    text: "",
    parts: [],
    status: "complete",
    createdAt: 1_000,
    ...patch,
  };
}

/** The message assistant-ui builds from the conversion (what its thread renders). */
function rendered(source: ChatMessage) {
  return fromThreadMessageLike(toThreadMessage(source), "fallback", { type: "running" });
}

describe("toThreadMessage", () => {
  it("keeps a user message's id, time and text, and its own status in metadata", () => {
    const converted = rendered(
      message({
        role: "user",
        text: "Hi",
        parts: [{ type: "text", text: "Hi" }],
        status: "error",
        error: "refused",
      }),
    );
    expect(converted).toMatchObject({
      id: "m1",
      role: "user",
      createdAt: new Date(1_000),
      content: [{ type: "text", text: "Hi" }],
      metadata: { custom: { status: "error", error: "refused" } },
    });
  });

  it("maps text, reasoning, tool calls and sources of an answer to assistant-ui parts", () => {
    const converted = rendered(
      message({
        text: "It is sunny.",
        parts: [
          { type: "reasoning", text: "Look up the weather.", status: "complete" },
          {
            type: "tool-call",
            toolCallId: "t1",
            name: "weather",
            args: '{"city":"Par',
            status: "running",
          },
          {
            type: "tool-call",
            toolCallId: "t2",
            name: "weather",
            args: '{"city":"Paris"}',
            result: '{"sky":"sunny"}',
            status: "complete",
          },
          {
            type: "tool-call",
            toolCallId: "t3",
            name: "clock",
            args: "{}",
            status: "failed",
            error: "no clock",
          },
          { type: "text", text: "It is sunny." },
          { type: "sources", sources: [{ url: "https://example.com/w", title: "Weather" }] },
        ],
      }),
    );
    expect(converted.content).toMatchObject([
      { type: "reasoning", text: "Look up the weather." },
      // Partial JSON arguments while they stream: assistant-ui reads what is whole so far.
      expect.objectContaining({
        type: "tool-call",
        toolCallId: "t1",
        toolName: "weather",
        argsText: '{"city":"Par',
        args: { city: "Par" },
        result: undefined,
      }),
      expect.objectContaining({
        toolCallId: "t2",
        args: { city: "Paris" },
        result: { sky: "sunny" },
      }),
      expect.objectContaining({ toolCallId: "t3", result: "no clock", isError: true }),
      { type: "text", text: "It is sunny." },
      {
        type: "source",
        sourceType: "url",
        id: "https://example.com/w",
        url: "https://example.com/w",
        title: "Weather",
      },
    ]);
  });

  it("keeps a tool result that is not JSON as text", () => {
    const converted = toThreadMessage(
      message({
        parts: [
          {
            type: "tool-call",
            toolCallId: "t",
            name: "n",
            args: "",
            result: "plain",
            status: "complete",
          },
        ],
      }),
    );
    expect(converted.content).toEqual([expect.objectContaining({ result: "plain" })]);
  });

  it("maps system messages and leaves AG-UI developer and activity messages out of the thread", () => {
    expect(rendered(message({ role: "system", text: "Be brief." }))).toMatchObject({
      role: "system",
      content: [{ type: "text", text: "Be brief." }],
    });
    expect(
      ["user", "assistant", "system", "developer", "activity"].map((role) =>
        isThreadMessage(message({ role: role as ChatMessage["role"] })),
      ),
    ).toEqual([true, true, true, false, false]);
  });
});

describe("toMessageStatus", () => {
  it.each([
    [{ status: "streaming" }, { type: "running" }],
    [{ status: "complete" }, { type: "complete", reason: "stop" }],
    [{ status: "stopped" }, { type: "incomplete", reason: "cancelled" }],
    [
      { status: "error", error: "the connection was lost" },
      { type: "incomplete", reason: "error", error: "the connection was lost" },
    ],
    [{ status: "error" }, { type: "incomplete", reason: "error", error: null }],
    [
      { status: "complete", truncated: true },
      { type: "incomplete", reason: "length" },
    ],
  ] as const)("%o -> %o", (patch, status) => {
    expect(toMessageStatus(message(patch))).toEqual(status);
    expect(rendered(message(patch)).status).toEqual(status);
  });
});

describe("appendedText", () => {
  it("joins the text parts a composer sent, one per line", () => {
    const sent = {
      role: "user",
      content: [
        { type: "text", text: "first" },
        { type: "image", image: "data:," },
        { type: "text", text: "second" },
      ],
    } as unknown as AppendMessage;
    expect(appendedText(sent)).toBe("first\nsecond");
  });
});
