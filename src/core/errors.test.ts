import { describeError } from "./describe-error";
import { toError } from "./errors";

/** Values a careless or hostile callback can throw or reject with. */
function hostileValues(): Array<[string, unknown]> {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return [
    ["a string", "boom"],
    ["a number", 42],
    ["undefined", undefined],
    ["null", null],
    ["an object without a prototype", Object.create(null)],
    [
      "an object whose toString throws",
      {
        toString: () => {
          throw new Error("nope");
        },
      },
    ],
    ["a revoked proxy", proxy],
    ["a symbol", Symbol("s")],
  ];
}

describe("toError and describeError on anything thrown", () => {
  it.each(hostileValues())(
    "turn %s into an Error and a one-line text without throwing",
    (_, value) => {
      const error = toError(value);
      expect(error).toBeInstanceOf(Error);
      expect(typeof error.message).toBe("string");
      expect(typeof describeError(value)).toBe("string");
    },
  );

  it("keeps an Error and the text of simple values", () => {
    const error = new TypeError("kept");
    expect(toError(error)).toBe(error);
    expect(toError("boom").message).toBe("boom");
    expect(toError(42).message).toBe("42");
    expect(describeError(new Error("why"))).toBe("why");
  });
});
