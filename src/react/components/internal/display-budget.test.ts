import type { MessagePart } from "../../../store/types";
import { cutPoint, splitForDisplay } from "./display-budget";

const text = (value: string): MessagePart => ({ type: "text", text: value });

describe("cutPoint", () => {
  it("keeps text that fits", () => {
    expect(cutPoint("short", 10)).toBe(5);
    expect(cutPoint("exactly10!", 10)).toBe(10);
  });

  it("cuts after a line break in the last tenth of the room", () => {
    const value = `${"a".repeat(95)}\n${"b".repeat(50)}`;
    expect(cutPoint(value, 100)).toBe(96);
  });

  it("else after a space there", () => {
    const value = `${"a".repeat(93)} ${"b".repeat(50)}`;
    expect(cutPoint(value, 100)).toBe(94);
  });

  it("else exactly at the room, never inside a surrogate pair", () => {
    expect(cutPoint("x".repeat(200), 100)).toBe(100);
    expect(cutPoint(`${"x".repeat(99)}😀${"x".repeat(10)}`, 100)).toBe(99);
  });

  it("ignores breaks earlier than the last tenth", () => {
    const value = `${"a".repeat(50)}\n${"b".repeat(100)}`;
    expect(cutPoint(value, 100)).toBe(100);
  });
});

describe("splitForDisplay", () => {
  it("shows everything under the cap", () => {
    const plan = splitForDisplay([text("hello"), text(" world")], 100);
    expect(plan).toMatchObject({ total: 11, hiddenChars: 0 });
    expect(plan.parts.map((view) => view.shown)).toEqual(["hello", " world"]);
  });

  it("spends the budget over the text parts in order and hides every later part", () => {
    const tool: MessagePart = {
      type: "tool-call",
      toolCallId: "t",
      name: "n",
      args: "",
      status: "complete",
    };
    const plan = splitForDisplay([text("xxxxxx"), tool, text("yyyyyy"), text("zz")], 10);
    expect(plan.parts.map((view) => [view.shown, view.hidden])).toEqual([
      ["xxxxxx", ""],
      ["", ""],
      ["yyyy", "yy"],
      ["", "zz"],
    ]);
    expect(plan).toMatchObject({ total: 14, hiddenChars: 4 });
  });
});
