import { textPieces } from "./plain-text";

describe("textPieces", () => {
  it("cuts a long text into pieces that join back to it, each at most the size", () => {
    const text = `${"word ".repeat(3_000)}\n${"x".repeat(9_000)}`;
    const pieces = textPieces(text, 1_000);
    expect(pieces.join("")).toBe(text);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(1_000);
    // Cut after a space where there is one, so no word is split.
    expect(pieces[0]!.endsWith(" ")).toBe(true);
  });

  it("leaves a short text whole", () => {
    expect(textPieces("short", 10)).toEqual(["short"]);
  });

  it("always makes progress, even with a size of one", () => {
    expect(textPieces("😀😀", 1).join("")).toBe("😀😀");
  });
});

describe("textPieces of a growing text", () => {
  it("keeps every piece but the last as the text grows, so their components can skip rendering", () => {
    const text = Array.from({ length: 400 }, (_, i) => (i % 7 === 0 ? "line\n" : `w${i} `)).join(
      "",
    );
    const before = textPieces(text.slice(0, 1_000), 100);
    const after = textPieces(text.slice(0, 1_050), 100);
    expect(after.slice(0, before.length - 1)).toEqual(before.slice(0, -1));
    expect(after.join("")).toBe(text.slice(0, 1_050));
  });
});
