import { HIGHLIGHT_LIMITS, highlightable } from "./highlight-limits";

describe("highlightable", () => {
  it("takes code up to every limit", () => {
    const line = "x".repeat(HIGHLIGHT_LIMITS.lineChars);
    expect(highlightable(line)).toBe(true);
    expect(highlightable(`${line}\n${line}`)).toBe(true);
    expect(highlightable("a\n".repeat(HIGHLIGHT_LIMITS.lines - 1))).toBe(true);
    expect(highlightable("")).toBe(true);
  });

  it("refuses code past any limit", () => {
    expect(highlightable("x".repeat(HIGHLIGHT_LIMITS.lineChars + 1))).toBe(false);
    expect(highlightable(`short\n${"x".repeat(HIGHLIGHT_LIMITS.lineChars + 1)}\nshort`)).toBe(
      false,
    );
    expect(highlightable("a\n".repeat(HIGHLIGHT_LIMITS.lines))).toBe(false);
    expect(highlightable(`${"y".repeat(999)}\n`.repeat(21))).toBe(false);
  });
});
