/**
 * AG-UI 1.0 event streams for the oracle suite: each turn is what the agent sends for one user
 * message. Every stream follows the protocol (the official client verifies it).
 */
import type { BaseEvent } from "@ag-ui/core";

export interface Turn {
  /** What the user sends. */
  user: string;
  events: BaseEvent[];
}

export interface CorpusStream {
  name: string;
  turns: Turn[];
}

const T = "thread-0123456789-0123456789-abcdef";
const ev = (events: Array<Record<string, unknown>>): BaseEvent[] =>
  events as unknown as BaseEvent[];
const run = (
  id: string,
  body: Array<Record<string, unknown>>,
  finished: Record<string, unknown> = {},
) =>
  ev([
    { type: "RUN_STARTED", threadId: T, runId: id },
    ...body,
    { type: "RUN_FINISHED", threadId: T, runId: id, ...finished },
  ]);
const text = (id: string, ...deltas: string[]) => [
  { type: "TEXT_MESSAGE_START", messageId: id, role: "assistant" },
  ...deltas.map((delta) => ({ type: "TEXT_MESSAGE_CONTENT", messageId: id, delta })),
  { type: "TEXT_MESSAGE_END", messageId: id },
];
const toolCall = (id: string, name: string, args: string[], parentMessageId?: string) => [
  {
    type: "TOOL_CALL_START",
    toolCallId: id,
    toolCallName: name,
    ...(parentMessageId ? { parentMessageId } : {}),
  },
  ...args.map((delta) => ({ type: "TOOL_CALL_ARGS", toolCallId: id, delta })),
  { type: "TOOL_CALL_END", toolCallId: id },
];

export const CORPUS: CorpusStream[] = [
  { name: "text", turns: [{ user: "Hi", events: run("r1", text("a1", "Hello", ", ", "world.")) }] },
  {
    name: "several messages",
    turns: [
      {
        user: "Two things?",
        events: run("r1", [...text("a1", "First."), ...text("a2", "Second.")]),
      },
    ],
  },
  {
    name: "interleaved messages",
    turns: [
      {
        user: "Both at once",
        events: run("r1", [
          { type: "TEXT_MESSAGE_START", messageId: "a", role: "assistant" },
          { type: "TEXT_MESSAGE_START", messageId: "b", role: "assistant" },
          { type: "TEXT_MESSAGE_CONTENT", messageId: "a", delta: "A1 " },
          { type: "TEXT_MESSAGE_CONTENT", messageId: "b", delta: "B1 " },
          { type: "TEXT_MESSAGE_CONTENT", messageId: "a", delta: "A2" },
          { type: "TEXT_MESSAGE_END", messageId: "b" },
          { type: "TEXT_MESSAGE_CONTENT", messageId: "a", delta: " A3" },
          { type: "TEXT_MESSAGE_END", messageId: "a" },
        ]),
      },
    ],
  },
  {
    name: "tool call with parent, result as string",
    turns: [
      {
        user: "Weather?",
        events: run("r1", [
          ...text("a1", "Let me look."),
          ...toolCall("t1", "weather", ['{"city":', '"Paris"}'], "a1"),
          { type: "TOOL_CALL_RESULT", messageId: "tr1", toolCallId: "t1", content: "sunny" },
          ...text("a2", "It is sunny."),
        ]),
      },
    ],
  },
  {
    name: "tool calls without parent, result as parts",
    turns: [
      {
        user: "Search",
        events: run("r1", [
          ...toolCall("t1", "search", ['{"q":"x"}']),
          ...toolCall("t2", "fetch", ['{"url":"https://example.test"}'], "p-new"),
          {
            type: "TOOL_CALL_RESULT",
            messageId: "tr1",
            toolCallId: "t1",
            content: [
              { type: "text", text: "found " },
              {
                type: "image",
                source: { type: "url", value: "https://example.test/a.png", mimeType: "image/png" },
              },
              { type: "text", text: "3 pages" },
            ],
          },
          {
            type: "TOOL_CALL_RESULT",
            messageId: "tr2",
            toolCallId: "t2",
            content: "<html/>",
            role: "tool",
          },
          ...text("a1", "Done."),
        ]),
      },
    ],
  },
  {
    name: "chunks",
    turns: [
      {
        user: "Chunks",
        events: run("r1", [
          { type: "TEXT_MESSAGE_CHUNK", messageId: "c1", role: "assistant", delta: "Chunked " },
          { type: "TEXT_MESSAGE_CHUNK", delta: "text" },
          {
            type: "TOOL_CALL_CHUNK",
            toolCallId: "tc1",
            toolCallName: "calc",
            parentMessageId: "c1",
            delta: '{"a":',
          },
          { type: "TOOL_CALL_CHUNK", delta: "1}" },
          { type: "TOOL_CALL_CHUNK", toolCallId: "tc2", toolCallName: "calc2", delta: "{}" },
          { type: "TOOL_CALL_RESULT", messageId: "tr1", toolCallId: "tc1", content: "1" },
          { type: "REASONING_MESSAGE_CHUNK", messageId: "rc1", delta: "Think" },
          { type: "REASONING_MESSAGE_CHUNK", delta: "ing." },
          { type: "TEXT_MESSAGE_CHUNK", messageId: "c2", delta: "After." },
        ]),
      },
    ],
  },
  {
    name: "reasoning",
    turns: [
      {
        user: "Think first",
        events: run("r1", [
          { type: "REASONING_START", messageId: "rs" },
          { type: "REASONING_MESSAGE_START", messageId: "rm1", role: "reasoning" },
          { type: "REASONING_MESSAGE_CONTENT", messageId: "rm1", delta: "Let me think" },
          { type: "REASONING_MESSAGE_CONTENT", messageId: "rm1", delta: " step by step." },
          { type: "REASONING_MESSAGE_END", messageId: "rm1" },
          { type: "REASONING_END", messageId: "rs" },
          ...text("a1", "The answer is 42."),
        ]),
      },
    ],
  },
  {
    name: "messages snapshot",
    turns: [
      {
        user: "Sync",
        events: run("r1", [
          ...text("a0", "Will be replaced."),
          ...text("gone", "Not in the snapshot."),
          {
            type: "MESSAGES_SNAPSHOT",
            messages: [
              { id: "sys", role: "system", content: "You are helpful." },
              { id: "out-1", role: "user", content: "Sync" },
              {
                id: "a0",
                role: "assistant",
                content: "Replaced text.",
                toolCalls: [
                  {
                    id: "st1",
                    type: "function",
                    function: { name: "lookup", arguments: '{"k":1}' },
                  },
                ],
              },
              { id: "st1-result", role: "tool", toolCallId: "st1", content: "value" },
              { id: "a-new", role: "assistant", content: "From the snapshot." },
            ],
          },
          ...text("a-after", "After the snapshot."),
        ]),
      },
    ],
  },
  {
    name: "state snapshot and JSON Patch deltas",
    turns: [
      {
        user: "State",
        events: run("r1", [
          {
            type: "STATE_SNAPSHOT",
            snapshot: { count: 1, items: ["a"], nested: { keep: true, drop: 1 } },
          },
          {
            type: "STATE_DELTA",
            delta: [
              { op: "add", path: "/items/-", value: "b" },
              { op: "replace", path: "/count", value: 2 },
              { op: "remove", path: "/nested/drop" },
            ],
          },
          {
            type: "STATE_DELTA",
            delta: [
              { op: "test", path: "/count", value: 2 },
              { op: "copy", from: "/items/0", path: "/first" },
              { op: "move", from: "/nested/keep", path: "/kept" },
              { op: "add", path: "/items/0", value: "z" },
              { op: "add", path: "/a~1b", value: { "x~y": [1, 2] } },
            ],
          },
          ...text("a1", "Counted."),
        ]),
      },
    ],
  },
  {
    name: "activity",
    turns: [
      {
        user: "Plan",
        events: run("r1", [
          {
            type: "ACTIVITY_SNAPSHOT",
            messageId: "act1",
            activityType: "PLAN",
            content: { steps: ["search"], done: 0 },
          },
          {
            type: "ACTIVITY_DELTA",
            messageId: "act1",
            activityType: "PLAN",
            patch: [
              { op: "add", path: "/steps/-", value: "answer" },
              { op: "replace", path: "/done", value: 1 },
            ],
          },
          ...text("a1", "Planned."),
        ]),
      },
    ],
  },
  {
    name: "run error",
    turns: [
      {
        user: "Fail",
        events: ev([
          { type: "RUN_STARTED", threadId: T, runId: "r1" },
          ...text("a1", "Partial"),
          { type: "RUN_ERROR", message: "Model overloaded", code: "503" },
        ]),
      },
    ],
  },
  {
    name: "interrupt",
    turns: [
      {
        user: "Send the mail",
        events: run(
          "r1",
          [
            ...text("a1", "I need your approval."),
            ...toolCall("t1", "send_mail", ['{"to":"a@b.test"}'], "a1"),
          ],
          {
            outcome: {
              type: "interrupt",
              interrupts: [
                {
                  id: "int-1",
                  reason: "tool_approval",
                  message: "Send this mail?",
                  toolCallId: "t1",
                  responseSchema: { type: "object" },
                },
              ],
            },
          },
        ),
      },
    ],
  },
  {
    name: "system and developer roles",
    turns: [
      {
        user: "Roles",
        events: run("r1", [
          { type: "TEXT_MESSAGE_START", messageId: "s1", role: "system" },
          { type: "TEXT_MESSAGE_CONTENT", messageId: "s1", delta: "System note." },
          { type: "TEXT_MESSAGE_END", messageId: "s1" },
          { type: "TEXT_MESSAGE_START", messageId: "d1", role: "developer" },
          { type: "TEXT_MESSAGE_CONTENT", messageId: "d1", delta: "Developer note." },
          { type: "TEXT_MESSAGE_END", messageId: "d1" },
          ...text("a1", "Visible."),
        ]),
      },
    ],
  },
  {
    name: "unicode",
    turns: [
      {
        user: "Ünïcødé ✓",
        events: run("r1", text("a1", "héllo ", "世界 ", "👋🏽 ", "שלום ", "e\u0301", "\u0000\u2028")),
      },
    ],
  },
  {
    name: "two turns",
    turns: [
      { user: "First", events: run("r1", text("a1", "One.")) },
      {
        user: "Second",
        events: run("r2", [...text("a2", "Two."), ...toolCall("t1", "f", ["{}"], "a2")]),
      },
    ],
  },
];
