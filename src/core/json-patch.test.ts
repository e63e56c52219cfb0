import fc from "fast-check";
import jsonpatch from "fast-json-patch";
import { describe, expect, it } from "vitest";
import { applyJsonPatch, JsonPatchError } from "./json-patch";

describe("applyJsonPatch", () => {
  it("applies every RFC 6902 operation, leaving the input as it was", () => {
    const document = { a: { b: [1, 2] }, "c/d": 1, "e~f": 2, keep: { deep: true } };
    const patch = [
      { op: "add", path: "/a/b/1", value: 9 },
      { op: "add", path: "/a/b/-", value: 3 },
      { op: "remove", path: "/c~1d" },
      { op: "replace", path: "/e~0f", value: 5 },
      { op: "copy", from: "/a/b/0", path: "/first" },
      { op: "move", from: "/first", path: "/moved" },
      { op: "test", path: "/moved", value: 1 },
    ];
    const result = applyJsonPatch(document, patch);
    expect(result).toEqual({ a: { b: [1, 9, 2, 3] }, "e~f": 5, keep: { deep: true }, moved: 1 });
    expect(document).toEqual({ a: { b: [1, 2] }, "c/d": 1, "e~f": 2, keep: { deep: true } });
    expect((result as typeof document).keep).toBe(document.keep);
  });

  it("throws JsonPatchError for a failed test, a missing path or an unknown op", () => {
    expect(() => applyJsonPatch({ a: 1 }, [{ op: "test", path: "/a", value: 2 }])).toThrow(
      JsonPatchError,
    );
    expect(() => applyJsonPatch({ a: 1 }, [{ op: "remove", path: "/b" }])).toThrow(JsonPatchError);
    expect(() => applyJsonPatch([1], [{ op: "add", path: "/5", value: 1 }])).toThrow(
      JsonPatchError,
    );
    expect(() => applyJsonPatch({}, [{ op: "nope", path: "/a" }])).toThrow(JsonPatchError);
  });

  it("agrees with fast-json-patch (what @ag-ui/client uses) on random add/replace/remove patches", () => {
    // Values as they arrive off the wire: JSON has no -0, and fast-json-patch clones through JSON.
    const wireValue = fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown);
    const key = fc.constantFrom("a", "b", "c");
    const op = fc.oneof(
      fc.record({ op: fc.constant("add"), path: key.map((k) => `/${k}`), value: wireValue }),
      fc.record({
        op: fc.constant("replace"),
        path: key.map((k) => `/${k}`),
        value: wireValue,
      }),
      fc.record({ op: fc.constant("remove"), path: key.map((k) => `/${k}`) }),
    );
    fc.assert(
      fc.property(fc.dictionary(key, wireValue), fc.array(op, { maxLength: 6 }), (doc, patch) => {
        let expected: unknown;
        try {
          expected = jsonpatch.applyPatch(
            structuredClone(doc),
            structuredClone(patch) as never,
            true,
            false,
          ).newDocument;
        } catch {
          expected = "error";
        }
        let actual: unknown;
        try {
          actual = applyJsonPatch(doc, patch);
        } catch {
          actual = "error";
        }
        expect(actual).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
