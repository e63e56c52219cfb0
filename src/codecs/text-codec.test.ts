import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AgentRuntimeValidationError } from "../core/errors";
import { textCodec } from "./text-codec";
import type { AgentEvent } from "./types";

const context = { messageId: "m-1", sessionId: "s".repeat(36) };
const bytes = (text: string) => new TextEncoder().encode(text);

describe("textCodec.encode", () => {
  it('sends {"inputText": message} like the AgentCore sample', () => {
    expect(textCodec.encode("Hello!", context)).toBe('{"inputText":"Hello!"}');
    expect(JSON.parse(textCodec.encode('quote " and \\ and \n', context))).toEqual({
      inputText: 'quote " and \\ and \n',
    });
  });

  it("refuses something that is not a string with a validation error", () => {
    expect(() => textCodec.encode(42 as unknown as string, context)).toThrow(
      AgentRuntimeValidationError,
    );
    expect(() => textCodec.encode(42 as unknown as string, context)).toThrow(
      "textCodec message must be a string or { text, attachments } (got a number)",
    );
    expect(() => textCodec.encode(null as unknown as string, context)).toThrow(/got null/);
  });

  it("has no cancel or heartbeat frame", () => {
    expect(textCodec.cancel).toBeUndefined();
    expect(textCodec.heartbeat).toBeUndefined();
  });
});

describe("textCodec.decode", () => {
  it.each<[string, string, AgentEvent[]]>([
    ["plain text", "Hello there", [{ type: "text-delta", delta: "Hello there" }]],
    ["an empty frame", "", []],
    [
      "text that starts with a brace but is not JSON",
      "{not json",
      [{ type: "text-delta", delta: "{not json" }],
    ],
    ["a JSON number stays text", "42", [{ type: "text-delta", delta: "42" }]],
    ["a JSON array stays text", "[1,2]", [{ type: "text-delta", delta: "[1,2]" }]],
    ["a JSON string", '"Hi \\"you\\""', [{ type: "text-delta", delta: 'Hi "you"' }]],
    ["an empty JSON string", '""', []],
    ["{text}", '{"text":"a"}', [{ type: "text-delta", delta: "a" }]],
    ["{delta}", '{"delta":"b"}', [{ type: "text-delta", delta: "b" }]],
    ["{content}", '{"content":"c"}', [{ type: "text-delta", delta: "c" }]],
    ["{chunk}", '{"chunk":"d"}', [{ type: "text-delta", delta: "d" }]],
    ["{data: string}", '{"data":"e"}', [{ type: "text-delta", delta: "e" }]],
    [
      "{data: object} is not text",
      '{"data":{"x":1}}',
      [{ type: "custom", name: "json", value: { data: { x: 1 } } }],
    ],
    [
      "text wins over the other fields",
      '{"data":"no","text":"yes"}',
      [{ type: "text-delta", delta: "yes" }],
    ],
    ["an empty text field", '{"text":""}', []],
    ["{done:true}", '{"done":true}', [{ type: "message-end" }]],
    [
      "{done:false} is not an end",
      '{"done":false}',
      [{ type: "custom", name: "json", value: { done: false } }],
    ],
    ["{type:done}", '{"type":"done"}', [{ type: "message-end" }]],
    ["{type:end}", '{"type":"end"}', [{ type: "message-end" }]],
    ["{type:complete}", '{"type":"complete"}', [{ type: "message-end" }]],
    ["{event:end}", '{"event":"end"}', [{ type: "message-end" }]],
    [
      "text and an end marker",
      '{"text":"last","done":true}',
      [{ type: "text-delta", delta: "last" }, { type: "message-end" }],
    ],
    ["{error: string}", '{"error":"boom"}', [{ type: "error", message: "boom", fatal: true }]],
    [
      "{error: string, code}",
      '{"error":"boom","code":"E1"}',
      [{ type: "error", message: "boom", code: "E1", fatal: true }],
    ],
    [
      "{error: {message, code}}",
      '{"error":{"message":"bad","code":"X"}}',
      [{ type: "error", message: "bad", code: "X", fatal: true }],
    ],
    [
      "{error: {code}, message, code}: the nested error's own fields win, no message borrowed",
      '{"error":{"code":"N"},"message":"outer","code":"O"}',
      [{ type: "error", message: "The agent reported an error", code: "N", fatal: true }],
    ],
    [
      "{error: {}, code}",
      '{"error":{},"code":"O"}',
      [{ type: "error", message: "The agent reported an error", code: "O", fatal: true }],
    ],
    [
      "{type:error, message}",
      '{"type":"error","message":"nope"}',
      [{ type: "error", message: "nope", fatal: true }],
    ],
    [
      "{error: true}",
      '{"error":true}',
      [{ type: "error", message: "The agent reported an error", fatal: true }],
    ],
    [
      "{error: null} is not an error",
      '{"error":null,"text":"ok"}',
      [{ type: "text-delta", delta: "ok" }],
    ],
    [
      "an unknown object",
      '{"usage":{"tokens":3}}',
      [{ type: "custom", name: "json", value: { usage: { tokens: 3 } } }],
    ],
  ])("%s", (_name, frame, events) => {
    expect(textCodec.decode(frame)).toEqual(events);
  });

  it("decodes binary frames as UTF-8 and then reads them like text frames", () => {
    expect(textCodec.decode(bytes("héllo 😀"))).toEqual([
      { type: "text-delta", delta: "héllo 😀" },
    ]);
    expect(textCodec.decode(bytes('{"text":"x"}').buffer as ArrayBuffer)).toEqual([
      { type: "text-delta", delta: "x" },
    ]);
    expect(textCodec.decode(new Uint8Array([0x61, 0xff]))).toEqual([
      { type: "text-delta", delta: "a\uFFFD" },
    ]);
  });

  it("never throws, whatever arrives", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.uint8Array().map((array) => array as Uint8Array),
        ),
        (frame) => {
          const events = textCodec.decode(frame);
          expect(Array.isArray(events)).toBe(true);
        },
      ),
      { numRuns: 1_000 },
    );
    expect(textCodec.decode({} as never)).toEqual([
      { type: "error", message: expect.any(String), code: "malformed-frame" },
    ]);
  });
});
