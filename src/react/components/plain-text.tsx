import { memo, useRef } from "react";
import { cutPoint } from "./internal/display-budget";

/**
 * Text longer than this is drawn in pieces of about this size, each laid out only when it
 * scrolls near the viewport (`content-visibility: auto`), so a long text never costs one long
 * layout.
 */
export const PLAIN_TEXT_PIECE_CHARS = 4_000;

/** `text` in pieces of at most `size` characters, cut after a line break (or space) when one is near. */
export function textPieces(text: string, size = PLAIN_TEXT_PIECE_CHARS): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > size) {
    const cut = Math.max(1, cutPoint(rest, size));
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}

/** A text and its pieces, as {@link grownPieces} takes and returns them. */
export interface TextInPieces {
  text: string;
  pieces: readonly string[];
}

/**
 * The pieces of `text`, given those of an earlier text: when `text` only grew at the end (a
 * streaming answer), every piece but the last is kept as it was (the same strings) and only
 * the last piece with what was appended is cut again. Otherwise `text` is cut anew. Either way
 * the pieces are those {@link textPieces} gives: a piece is only cut once it is full.
 */
export function grownPieces(
  previous: TextInPieces | null,
  text: string,
  size = PLAIN_TEXT_PIECE_CHARS,
): TextInPieces {
  if (!previous || previous.pieces.length === 0 || !text.startsWith(previous.text)) {
    return { text, pieces: textPieces(text, size) };
  }
  const kept = previous.pieces.slice(0, -1);
  const keptChars = previous.text.length - previous.pieces.at(-1)!.length;
  return { text, pieces: [...kept, ...textPieces(text.slice(keptChars), size)] };
}

/** One piece of a long text: drawn again only when its own text changes. */
const TextPiece = memo(function TextPiece({ text }: { text: string }) {
  return <div className="acr-text__piece">{text}</div>;
});

/**
 * The pieces of `text`, reusing those of the text this component drew last: while an answer
 * streams, the finished pieces stay the same strings and their {@link TextPiece}s skip
 * rendering; only the growing last piece is cut and drawn again.
 */
function usePieces(text: string): readonly string[] | null {
  const last = useRef<TextInPieces | null>(null);
  if (text.length <= PLAIN_TEXT_PIECE_CHARS) {
    last.current = null;
    return null;
  }
  if (last.current?.text !== text) last.current = grownPieces(last.current, text);
  return last.current.pieces;
}

/** Agent or user text as text: React escapes it, line breaks are kept by CSS. */
export function PlainText({ text }: { text: string }) {
  const pieces = usePieces(text);
  if (!pieces) return <div className="acr-text">{text}</div>;
  return (
    <div className="acr-text">
      {pieces.map((piece, index) => (
        <TextPiece key={index} text={piece} />
      ))}
    </div>
  );
}
