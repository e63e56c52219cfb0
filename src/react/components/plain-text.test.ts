import { grownPieces, textPieces } from "./plain-text";

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

describe("grownPieces", () => {
  const text = Array.from({ length: 400 }, (_, i) => (i % 7 === 0 ? "line\n" : `w${i} `)).join("");

  it("gives the pieces textPieces gives, however the text grew", () => {
    let previous = null;
    for (let length = 1; length <= text.length; length += 13) {
      const grown = grownPieces(previous, text.slice(0, length), 100);
      expect(grown.pieces).toEqual(textPieces(text.slice(0, length), 100));
      previous = grown;
    }
  });

  it("keeps the finished pieces as they were and cuts only the tail again", () => {
    const before = grownPieces(null, text.slice(0, 1_000), 100);
    const after = grownPieces(before, text.slice(0, 1_050), 100);
    for (let i = 0; i < before.pieces.length - 1; i++) {
      expect(after.pieces[i]).toBe(before.pieces[i]);
    }
    expect(after.pieces.join("")).toBe(text.slice(0, 1_050));
  });

  it("cuts anew when the text did not grow at the end", () => {
    const before = grownPieces(null, text.slice(0, 1_000), 100);
    const edited = `x${text.slice(1, 900)}`;
    expect(grownPieces(before, edited, 100).pieces).toEqual(textPieces(edited, 100));
  });
});
