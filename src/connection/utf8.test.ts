import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8ByteLength } from "./utf8";

const encoder = new TextEncoder();

describe("utf8ByteLength", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["é", 2],
    ["€", 3],
    ["😀", 4],
    ["a😀é€", 10],
    ["\uD800", 3], // a lone high surrogate goes on the wire as U+FFFD
    ["\uDC00x", 4], // a lone low surrogate, then ASCII
    ["\uD83D\uD83D\uDE00", 7], // a lone high surrogate followed by a pair
  ])("counts %j as %i bytes", (text, bytes) => {
    expect(utf8ByteLength(text)).toBe(bytes);
    expect(encoder.encode(text).length).toBe(bytes);
  });

  it("agrees with TextEncoder on any string, including broken surrogates", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(utf8ByteLength(text)).toBe(encoder.encode(text).length);
      }),
      { numRuns: 2_000 },
    );
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
        }),
        (text) => {
          expect(utf8ByteLength(text)).toBe(encoder.encode(text).length);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
