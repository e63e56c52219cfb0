import fc from "fast-check";
import { AgentRuntimeValidationError } from "../../src/core/errors";
import { sseDataPayloads } from "../../src/codecs/sse-frame";
import { agUiCodec } from "../../src/codecs/ag-ui-codec";
import { textCodec } from "../../src/codecs/text-codec";
import type { Codec, IncomingFrame } from "../../src/codecs/types";
import {
  agUiEvent,
  anyString,
  asBinary,
  expectAgentEvents,
  HUGE_FRAMES,
  textCodecObject,
} from "./agent-events";
import { FUZZ_SEED, fuzzTarget, runs } from "./fuzz-report";

/**
 * Frames an agent (or anything in between) might send, fed to each codec's `decode`: malformed
 * JSON, JSON of every shape, events of every type with wrong and missing fields, sequences in
 * the wrong order, binary frames (valid and invalid UTF-8, ArrayBuffers and offset views) and
 * huge or deeply nested frames. `decode` must never throw and must return only well-formed
 * events; anything it cannot read becomes an `error` event.
 */

const CONTEXT = { messageId: "msg-1", sessionId: "s".repeat(36) };

/** Text frames: garbage, JSON of any shape, and codec-shaped objects (one or a list). */
const textFrame = fc.oneof(
  anyString,
  fc.jsonValue().map((value) => JSON.stringify(value)),
  agUiEvent.map((event) => JSON.stringify(event)),
  fc.array(agUiEvent, { maxLength: 6 }).map((events) => JSON.stringify(events)),
  textCodecObject.map((value) => JSON.stringify(value)),
  // Truncated JSON: a valid frame cut anywhere.
  fc.tuple(agUiEvent, fc.nat()).map(([event, cut]) => {
    const json = JSON.stringify(event);
    return json.slice(0, cut % (json.length + 1));
  }),
  fc.constantFrom(
    "",
    " ",
    "{",
    '"',
    "[",
    "null",
    "{}",
    "[]",
    '""',
    "\u0000",
    "\ud800",
    '{"text":1}',
  ),
);

/** The same frames, sometimes as bytes, and sometimes bytes that are not UTF-8 at all. */
const frame: fc.Arbitrary<IncomingFrame> = fc.oneof(
  { arbitrary: textFrame, weight: 6 },
  {
    arbitrary: fc.tuple(textFrame, fc.nat()).map(([text, shape]) => asBinary(text, shape)),
    weight: 2,
  },
  { arbitrary: fc.uint8Array({ maxLength: 300 }), weight: 1 },
  {
    arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => bytes.buffer as ArrayBuffer),
    weight: 1,
  },
);

async function fuzzDecode(codec: Codec<string>, target: string) {
  let cases = 0;
  let frames = 0;
  let events = 0;
  let errors = 0;
  const decode = (item: IncomingFrame) => {
    const decoded = codec.decode(item);
    errors += expectAgentEvents(decoded);
    frames += 1;
    events += decoded.length;
  };
  await fuzzTarget(
    target,
    () => ({ cases, frames, events, errorEvents: errors, hugeFrames: HUGE_FRAMES.length }),
    () => {
      fc.assert(
        // A sequence of frames in any order: AG-UI content before its start, ends without starts.
        fc.property(fc.array(frame, { minLength: 1, maxLength: 8 }), (sequence) => {
          cases += 1;
          sequence.forEach(decode);
        }),
        { seed: FUZZ_SEED, numRuns: runs(800) },
      );
      HUGE_FRAMES.forEach(decode);
    },
  );
  return { frames, events, errors };
}

describe("fuzz: codecs", () => {
  it("textCodec.decode never throws and returns only well-formed events", async () => {
    const { events } = await fuzzDecode(textCodec, "codecs: textCodec.decode");
    expect(events).toBeGreaterThan(0);
  });

  it("agUiCodec.decode never throws and returns only well-formed events; bad frames become errors", async () => {
    const { events, errors } = await fuzzDecode(agUiCodec, "codecs: agUiCodec.decode");
    expect(events).toBeGreaterThan(errors);
    expect(errors).toBeGreaterThan(0);
  });

  it("textCodec keeps plain text exactly, and reads a binary frame as its UTF-8 text", async () => {
    let cases = 0;
    await fuzzTarget(
      "codecs: textCodec plain text and binary",
      () => ({ cases }),
      () =>
        fc.assert(
          fc.property(anyString, fc.nat(), (text, shape) => {
            cases += 1;
            const first = text.trimStart()[0];
            if (first !== "{" && first !== '"') {
              expect(textCodec.decode(text)).toEqual(
                text === "" ? [] : [{ type: "text-delta", delta: text }],
              );
            }
            // Bytes of well-formed text decode to the same events as the text itself.
            const wellFormed = new TextDecoder().decode(new TextEncoder().encode(text));
            expect(textCodec.decode(asBinary(wellFormed, shape))).toEqual(
              textCodec.decode(wellFormed),
            );
          }),
          { seed: FUZZ_SEED, numRuns: runs(1000) },
        ),
    );
  });

  it("agUiCodec: a frame that is neither JSON nor SSE text is exactly one malformed-frame error", async () => {
    let cases = 0;
    await fuzzTarget(
      "codecs: agUiCodec non-JSON frames",
      () => ({ cases }),
      () =>
        fc.assert(
          fc.property(anyString, (text) => {
            let json = true;
            try {
              JSON.parse(text);
            } catch {
              json = false;
            }
            // SSE text (AGUIApp's form over /ws) is read, so only what is neither counts here.
            fc.pre(!json && sseDataPayloads(text) === null);
            cases += 1;
            expect(agUiCodec.decode(text)).toEqual([
              expect.objectContaining({ type: "error", code: "malformed-frame" }),
            ]);
          }),
          { seed: FUZZ_SEED, numRuns: runs(500) },
        ),
    );
  });

  it("encode: a string becomes a frame that carries it exactly; anything else is an AgentRuntimeValidationError", async () => {
    let cases = 0;
    await fuzzTarget(
      "codecs: encode",
      () => ({ cases: cases * 2 }),
      () =>
        fc.assert(
          fc.property(fc.oneof(anyString, fc.anything()), (message) => {
            cases += 1;
            for (const codec of [textCodec, agUiCodec] as Array<Codec<unknown>>) {
              let encoded: string;
              try {
                encoded = codec.encode(message, CONTEXT);
              } catch (error) {
                expect(error).toBeInstanceOf(AgentRuntimeValidationError);
                expect(typeof message).not.toBe("string");
                continue;
              }
              expect(typeof message).toBe("string");
              const parsed = JSON.parse(encoded) as {
                inputText?: string;
                messages?: Array<{ content: string }>;
              };
              const carried =
                codec === textCodec ? parsed.inputText : parsed.messages?.[0]?.content;
              expect(carried).toBe(message);
            }
          }),
          { seed: FUZZ_SEED, numRuns: runs(500) },
        ),
    );
  });
});
