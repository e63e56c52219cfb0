import { voiceAgent } from "agentcore-react-emulator";
import { binaryPcmCodec } from "../../src/voice/binary-pcm-codec";
import { novaSonicCodec } from "../../src/voice/nova-sonic-codec";
import { strandsBidiCodec } from "../../src/voice/strands-bidi-codec";
import type { VoiceCodec } from "../../src/voice/voice-codec";
import type { AgentEvent } from "../../src/codecs/types";
import { emulator, open, presignedUrl, stopEmulators, type Frame } from "./client";

afterEach(stopEmulators);

const format = { inputRate: 16_000, outputRate: 24_000 };
const context = { messageId: "m", sessionId: "s" };
const toolCall = { name: "get_time", input: { zone: "UTC" } };

/** A call over `codec` to a voice agent making `toolCall`; `hear` sends a second of silence. */
async function toolCallWith(codec: VoiceCodec, options: Parameters<typeof voiceAgent>[0]) {
  const target = await emulator({ agent: voiceAgent({ replyMs: 200, ...options }) });
  const peer = await open(await presignedUrl(target));
  const framing = codec.voice(format);
  const decoder = codec.createDecoder?.() ?? codec;
  for (const frame of framing.open()) peer.send(frame);
  for (let i = 0; i < 25; i++) {
    const audio = framing.audio(new ArrayBuffer(1280));
    peer.send(typeof audio === "string" ? audio : Buffer.from(audio));
  }
  const events: AgentEvent[] = [];
  const decode = (frame: Frame) => {
    const decoded = decoder.decode(typeof frame === "string" ? frame : new Uint8Array(frame));
    events.push(...decoded);
    return decoded;
  };
  const ends = (type: AgentEvent["type"]) => (frame: Frame) =>
    decode(frame).some((event) => event.type === type);
  return { peer, events, ends };
}

async function statsOf(peer: Awaited<ReturnType<typeof open>>) {
  peer.send('{"type":"stats"}');
  const [stats] = (await peer.until((f) => String(f).includes('"stats"'))).slice(-1);
  return JSON.parse(String(stats)) as { toolResults: unknown[] };
}

describe.each([
  ["binary-pcm", binaryPcmCodec],
  ["nova-sonic", novaSonicCodec],
  ["strands-bidi", strandsBidiCodec],
] as const)("the voice agent's tool call over %s", (_protocol, makeCodec) => {
  it("is one tool call with its arguments, in an assistant message of its own", async () => {
    const { peer, events, ends } = await toolCallWith(makeCodec(), { toolCall });
    await peer.until(ends("tool-call-end"));
    const calls = events.filter((event) => event.type.startsWith("tool-call"));
    expect(calls).toEqual([
      { type: "tool-call-start", toolCallId: expect.any(String), name: "get_time" },
      { type: "tool-call-args", toolCallId: expect.any(String), delta: '{"zone":"UTC"}' },
      { type: "tool-call-end", toolCallId: expect.any(String) },
    ]);
    // After the user's turn, before the answer.
    const first = events.findIndex((event) => event.type === "tool-call-start");
    expect(events.slice(0, first)).toContainEqual(
      expect.objectContaining({ type: "message-start", role: "user" }),
    );
  });
});

describe.each([
  ["binary-pcm", binaryPcmCodec],
  ["nova-sonic", novaSonicCodec],
] as const)("a client tool's result over %s", (_protocol, makeCodec) => {
  it("reaches the agent in the protocol's framing", async () => {
    const codec = makeCodec();
    const { peer, events, ends } = await toolCallWith(codec, { toolCall });
    await peer.until(ends("tool-call-end"));
    const start = events.find((event) => event.type === "tool-call-start");
    const toolCallId = start?.type === "tool-call-start" ? start.toolCallId : "";
    const reply = { toolResults: [{ toolCallId, content: '{"time":"12:00"}' }] };
    peer.send(codec.encodeReply?.(reply, context) ?? "");
    expect((await statsOf(peer)).toolResults).toEqual([
      { toolCallId, content: '{"time":"12:00"}' },
    ]);
  });
});

describe.each([
  ["binary-pcm", binaryPcmCodec],
  ["strands-bidi", strandsBidiCodec],
] as const)("a tool the agent ran, over %s", (_protocol, makeCodec) => {
  it("is the call's result", async () => {
    const { peer, events, ends } = await toolCallWith(makeCodec(), {
      toolCall: { ...toolCall, result: "12:00" },
    });
    await peer.until(ends("tool-call-result"));
    const start = events.find((event) => event.type === "tool-call-start");
    expect(events.at(-1)).toEqual({
      type: "tool-call-result",
      toolCallId: start?.type === "tool-call-start" ? start.toolCallId : "missing",
      content: "12:00",
    });
  });
});

describe("the voice agent reading Nova Sonic tool results", () => {
  it("closes with 1007 on a toolResult outside a TOOL content", async () => {
    const codec = novaSonicCodec();
    const { peer } = await toolCallWith(codec, {});
    const [, result] = (
      codec.encodeReply?.({ toolResults: [{ toolCallId: "t", content: "{}" }] }, context) ?? ""
    ).split("\n");
    peer.send(result ?? "");
    expect(await peer.closed).toEqual({
      code: 1007,
      reason: "toolResult outside an open TOOL content, or without content text",
    });
  });
});
