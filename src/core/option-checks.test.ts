import { describe, expect, it } from "vitest";
import { AgentRuntimeValidationError } from "./errors";
import { numberOption, wholeNumberInRange } from "./number-option";
import {
  kindOf,
  optionalBoolean,
  optionalFunction,
  optionalString,
  optionsObject,
} from "./option-checks";

describe("kindOf", () => {
  it.each([
    [null, "null"],
    [undefined, "undefined"],
    ["", "an empty string"],
    ["secret", "a string"],
    [42, "a number"],
    [[], "an empty array"],
    [["x"], "an array"],
    [{}, "an object"],
    [() => {}, "a function"],
    [true, "a boolean"],
  ])("%j is %s", (value, kind) => {
    expect(kindOf(value)).toBe(kind);
  });
});

describe("option checks", () => {
  const bad = (run: () => unknown, message: string) => {
    expect(run).toThrow(AgentRuntimeValidationError);
    expect(run).toThrow(message);
  };

  it("pass good values and undefined through", () => {
    const fn = () => 1;
    expect(optionalFunction("f", fn)).toBe(fn);
    expect(optionalFunction("f", undefined)).toBeUndefined();
    expect(optionalString("s", "")).toBe("");
    expect(optionalBoolean("b", false)).toBe(false);
    expect(optionsObject("make", { a: 1 })).toEqual({ a: 1 });
  });

  it("refuse other kinds, naming the kind but not the value", () => {
    bad(() => optionalFunction("log", "yes" as never), "log must be a function (got a string)");
    bad(
      () => optionalString("endpointName", 42 as never),
      "endpointName must be a string (got a number)",
    );
    bad(
      () => optionalBoolean("allowAnonymous", "true" as never),
      "allowAnonymous must be true or false (got a string)",
    );
    bad(
      () => optionsObject("make", undefined as never),
      "make needs an options object (got undefined)",
    );
    bad(
      () => optionsObject("make", [] as never),
      "make needs an options object (got an empty array)",
    );
  });

  it("check numbers with the value in the message", () => {
    expect(numberOption("n", 0, "a finite number >= 0")).toBe(0);
    bad(
      () => numberOption("timeoutMs", 0, "a finite number > 0"),
      "timeoutMs must be a finite number > 0 (got 0)",
    );
    bad(
      () => numberOption("max", "2", "a whole number >= 1"),
      "max must be a whole number >= 1 (got 2)",
    );
    const range = { min: 1, max: 300, unit: "seconds" };
    expect(wholeNumberInRange("expires", 300, range)).toBe(300);
    for (const value of [0, 301, 1.5, Number.NaN, "60"]) {
      bad(
        () => wholeNumberInRange("expires", value, range),
        `expires must be a whole number of seconds from 1 to 300 (got ${String(value)})`,
      );
    }
    bad(
      () => wholeNumberInRange("n", 5, { min: 1, max: 3 }),
      "n must be a whole number from 1 to 3 (got 5)",
    );
  });
});
