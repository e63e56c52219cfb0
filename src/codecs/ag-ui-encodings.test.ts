import { EventEncoder } from "@ag-ui/encoder";
import { EventType, type BaseEvent } from "@ag-ui/core";
import { describe, expect, it } from "vitest";
import { agUiCodec, createAgUiCodec } from "./ag-ui-codec";
import { PROTOBUF_NOT_ENABLED } from "./ag-ui-frames";
import { createProtoLoader, type ProtoModule } from "./ag-ui-proto";
import { agUiProtoCodec } from "./ag-ui-proto-codec";
import type { AgentEvent, IncomingFrame } from "./types";

const encoder = new EventEncoder();
const start: BaseEvent = { type: EventType.TEXT_MESSAGE_START, messageId: "m", role: "assistant" };
const content: BaseEvent = { type: EventType.TEXT_MESSAGE_CONTENT, messageId: "m", delta: "Hi ✓" };
const expected: AgentEvent[] = [
  { type: "message-start", messageId: "m", role: "assistant" },
  { type: "text-delta", messageId: "m", delta: "Hi ✓" },
];

/** Decodes like the connection does: waits for `prepare`, then decodes. */
async function decodeReady(frame: IncomingFrame, codec = agUiProtoCodec): Promise<AgentEvent[]> {
  await codec.prepare?.(frame);
  return codec.decode(frame);
}

/** An AG-UI codec that reads protobuf through `importProto`. */
const codecImporting = (importProto: () => Promise<ProtoModule>) =>
  createAgUiCodec(createProtoLoader(importProto));

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

describe("agUiCodec reads SSE text (AGUIApp over /ws)", () => {
  it("reads one event per frame, as the official encoder writes it", () => {
    expect(agUiCodec.decode(encoder.encodeSSE(start))).toEqual([expected[0]]);
  });

  it("reads several events in one frame", () => {
    expect(agUiCodec.decode(encoder.encodeSSE(start) + encoder.encodeSSE(content))).toEqual(
      expected,
    );
  });

  it("skips event:, id:, retry: and comment lines, with CRLF line ends", () => {
    const frame = `: keep-alive\r\nevent: message\r\nid: 7\r\nretry: 10\r\ndata: ${JSON.stringify(start)}\r\n\r\n`;
    expect(agUiCodec.decode(frame)).toEqual([expected[0]]);
  });

  it("joins multi-line data with newlines, and reads a last event without its blank line", () => {
    const frame = `data: {"type":"TEXT_MESSAGE_CONTENT",\ndata: "messageId":"m","delta":"Hi ✓"}`;
    expect(agUiCodec.decode(frame)).toEqual([expected[1]]);
  });

  it("reads data: without a space and a JSON array in one data line", () => {
    expect(agUiCodec.decode(`data:${JSON.stringify([start, content])}\n\n`)).toEqual(expected);
  });

  it("reads SSE text sent as a binary frame (encodeBinary without protobuf)", () => {
    expect(agUiCodec.decode(encoder.encodeBinary(start))).toEqual([expected[0]]);
  });

  it("gives no event for a comment-only frame, and an error for text that is not SSE", () => {
    expect(agUiCodec.decode(": ping\n\n")).toEqual([]);
    expect(agUiCodec.decode("hello there")).toEqual([
      expect.objectContaining({ type: "error", code: "malformed-frame" }),
    ]);
    expect(agUiCodec.decode("data: {broken\n\n")).toEqual([
      expect.objectContaining({ type: "error", code: "malformed-frame" }),
    ]);
  });
});

describe("agUiProtoCodec reads the protobuf binary form", () => {
  it("loads @ag-ui/proto on the first binary AG-UI frame, then decodes", async () => {
    const codec = codecImporting(() => import("@ag-ui/proto"));
    const frame = encoder.encodeProtobuf(start);
    expect(codec.prepare?.("text frame")).toBeUndefined();
    expect(await decodeReady(frame, codec)).toEqual([expected[0]]);
    expect(codec.prepare?.(frame)).toBeUndefined(); // loaded once
    expect(await decodeReady(frame)).toEqual([expected[0]]); // agentcore-react/ag-ui-proto's
  });

  it("reads several length-prefixed events in one frame, from an ArrayBuffer too", async () => {
    const bytes = concat(encoder.encodeProtobuf(start), encoder.encodeProtobuf(content));
    const buffer = new ArrayBuffer(bytes.byteLength);
    new Uint8Array(buffer).set(bytes);
    expect(await decodeReady(buffer)).toEqual(expected);
  });

  it("reports a frame whose protobuf is broken as malformed", async () => {
    const frame = concat(new Uint8Array([0, 0, 0, 3]), new Uint8Array([0xff, 0xff, 0xff]));
    expect(await decodeReady(frame)).toEqual([
      expect.objectContaining({ type: "error", code: "malformed-frame" }),
    ]);
  });

  it("says to install @ag-ui/proto when it cannot be imported", async () => {
    const codec = codecImporting(() =>
      Promise.reject(new Error("Cannot find package '@ag-ui/proto'")),
    );
    const events = await decodeReady(encoder.encodeProtobuf(start), codec);
    expect(events).toEqual([expect.objectContaining({ type: "error", code: "unsupported-frame" })]);
    expect(events[0]).toHaveProperty("message", expect.stringContaining("@ag-ui/proto"));
  });

  it("never imports it for text frames", async () => {
    let imported = 0;
    const codec = codecImporting(() => {
      imported += 1;
      return import("@ag-ui/proto");
    });
    expect(await decodeReady(encoder.encodeSSE(start), codec)).toEqual([expected[0]]);
    expect(await decodeReady(encoder.encodeBinary(content), codec)).toEqual([expected[1]]);
    expect(imported).toBe(0);
  });

  it("is agentcore-react/ag-ui-proto's: agUiCodec says where to find it, loading nothing", async () => {
    const frame = encoder.encodeProtobuf(start);
    expect(agUiCodec.prepare?.(frame)).toBeUndefined();
    expect(agUiCodec.decode(frame)).toEqual([
      { type: "error", code: "unsupported-frame", message: PROTOBUF_NOT_ENABLED },
    ]);
    expect(PROTOBUF_NOT_ENABLED).toContain('agUiProtoCodec from "agentcore-react/ag-ui-proto"');
    // Text and SSE bytes read the same through both.
    expect(agUiCodec.decode(encoder.encodeBinary(content))).toEqual([expected[1]]);
  });
});
