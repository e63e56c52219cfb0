import { describe, expect, it, vi } from "vitest";
import { isRecord } from "../core/option-checks";
import { conversationStoreUnderTest as setup } from "../store/test-utils/store-under-test";
import { ToolRunner } from "../store/tool-runner";
import { binaryPcmCodec } from "./binary-pcm-codec";
import { novaSonicCodec } from "./nova-sonic-codec";
import { strandsBidiCodec } from "./strands-bidi-codec";
import type { VoiceCodec } from "./voice-codec";

const nova = (name: string, body: object) => JSON.stringify({ event: { [name]: body } });

/** Each protocol's frames for one tool call `t1`: `get_time` with `{"zone":"UTC"}`. */
const dialects: [string, () => VoiceCodec, string[]][] = [
  [
    "binary PCM",
    binaryPcmCodec,
    ['{"type":"tool_call","toolCallId":"t1","name":"get_time","args":{"zone":"UTC"}}'],
  ],
  [
    "Nova Sonic",
    novaSonicCodec,
    [
      nova("contentStart", { contentId: "c1", type: "TOOL", role: "TOOL" }),
      nova("toolUse", {
        contentId: "c1",
        toolUseId: "t1",
        toolName: "get_time",
        content: '{"zone":"UTC"}',
      }),
      nova("contentEnd", { contentId: "c1", type: "TOOL", stopReason: "TOOL_USE" }),
    ],
  ],
  [
    "Strands BidiAgent",
    strandsBidiCodec,
    [
      JSON.stringify({
        type: "tool_use_stream",
        delta: { toolUse: { toolUseId: "t1", name: "get_time", input: { zone: "UTC" } } },
        current_tool_use: { toolUseId: "t1", name: "get_time", input: { zone: "UTC" } },
      }),
    ],
  ],
];

describe.each(dialects)("a %s tool call in the conversation", (_name, makeCodec, frames) => {
  function decodeInto() {
    const codec = makeCodec();
    const under = setup();
    under.connection.open();
    const decoder = codec.createDecoder?.() ?? codec;
    const receive = (frame: string) => under.connection.emit(...decoder.decode(frame));
    return { ...under, codec, receive };
  }

  it("shows the call with its arguments in an assistant message that is not left answering", () => {
    const { store, frames: scheduler, receive } = decodeInto();
    for (const frame of frames) receive(frame);
    scheduler.frame();
    const state = store.getState();
    expect(state.isStreaming).toBe(false);
    expect(state.messages).toMatchObject([
      {
        role: "assistant",
        status: "complete",
        parts: [{ type: "tool-call", toolCallId: "t1", name: "get_time", status: "complete" }],
      },
    ]);
    const [part] = state.messages[0]?.parts ?? [];
    expect(part?.type === "tool-call" && JSON.parse(part.args)).toEqual({ zone: "UTC" });
  });

  it("lets the browser run it as a client tool, whose result is answered at once", async () => {
    const { store, connection, frames: scheduler, receive } = decodeInto();
    const runner = new ToolRunner(store);
    const getTime = (args: unknown) => `12:00 ${isRecord(args) ? String(args.zone) : "?"}`;
    runner.options = { tools: { get_time: getTime } };
    const stop = runner.start();
    for (const frame of frames) receive(frame);
    scheduler.frame();
    await vi.waitFor(() =>
      expect(connection.replies).toEqual([
        { toolResults: [{ toolCallId: "t1", content: "12:00 UTC" }] },
      ]),
    );
    stop();
  });
});

describe("tool results from the agent", () => {
  it("binary PCM: a tool_result frame is the call's result", () => {
    const events = binaryPcmCodec().decode(
      '{"type":"tool_result","toolCallId":"t1","content":{"time":"12:00"}}',
    );
    expect(events).toEqual([
      { type: "tool-call-result", toolCallId: "t1", content: '{"time":"12:00"}' },
    ]);
    expect(binaryPcmCodec().decode('{"type":"tool_call","name":"x"}')).toMatchObject([
      { type: "error", code: "malformed-frame" },
    ]);
  });

  it("Strands: tool_result's content blocks become the call's result as text", () => {
    const codec = strandsBidiCodec();
    const result = (content: unknown[]) =>
      codec.decode(
        JSON.stringify({
          type: "tool_result",
          tool_result: { toolUseId: "t1", status: "success", content },
        }),
      );
    expect(result([{ text: "12:00" }])).toEqual([
      { type: "tool-call-result", toolCallId: "t1", content: "12:00" },
    ]);
    expect(result([{ json: { time: "12:00" } }, { text: "UTC" }])).toEqual([
      { type: "tool-call-result", toolCallId: "t1", content: '{"time":"12:00"}\nUTC' },
    ]);
  });

  it("Strands: a call streamed twice is shown once", () => {
    const codec = strandsBidiCodec();
    const [frame] = dialects[2]?.[2] ?? [];
    expect(codec.decode(frame ?? "")).toHaveLength(4);
    expect(codec.decode(frame ?? "")).toEqual([]);
  });
});
