import { memo, useMemo } from "react";
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

/**
 * One piece of a long text. While an answer streams, every piece but the last keeps its text,
 * so its memoized component skips rendering and only the growing last piece is drawn again.
 */
const TextPiece = memo(function TextPiece({ text }: { text: string }) {
  return <div className="acr-text__piece">{text}</div>;
});

/** Agent or user text as text: React escapes it, line breaks are kept by CSS. */
export function PlainText({ text }: { text: string }) {
  const pieces = useMemo(
    () => (text.length > PLAIN_TEXT_PIECE_CHARS ? textPieces(text) : null),
    [text],
  );
  return (
    <div className="acr-text">
      {pieces ? pieces.map((piece, index) => <TextPiece key={index} text={piece} />) : text}
    </div>
  );
}
