import type { MessagePart } from "../../../store/types";

/** A part of a message as the chat draws it: text parts split at the display cap. */
export interface PartView {
  part: MessagePart;
  /** The text shown at first (`""` for tool calls, and for text parts past the cap). */
  shown: string;
  /** The rest of a text part, shown once the user asks for it. */
  hidden: string;
}

/** What {@link splitForDisplay} returns. */
export interface DisplayPlan {
  parts: PartView[];
  /** Characters of text in the whole message. */
  total: number;
  /** Characters of text not shown until the user asks for them. */
  hiddenChars: number;
}

/** How far back from the cap a cut may move to land on a line break or a space. */
const CUT_SLACK = 0.1;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Where to cut `text` to show at most `room` characters: after the last line break (else
 * space) in the last tenth of the room, so what is revealed later starts on a line of its own;
 * otherwise at `room` itself, never between the halves of a surrogate pair.
 */
export function cutPoint(text: string, room: number): number {
  if (text.length <= room) return text.length;
  if (room <= 0) return 0;
  const floor = Math.floor(room * (1 - CUT_SLACK));
  const window = text.slice(floor, room);
  const newline = window.lastIndexOf("\n");
  if (newline !== -1) return floor + newline + 1;
  const space = window.search(/\s(?=\S*$)/);
  if (space !== -1) return floor + space + 1;
  return isHighSurrogate(text.charCodeAt(room - 1)) ? room - 1 : room;
}

/**
 * Splits a message's parts for display: the first `maxChars` characters of its text (over
 * all text parts, in order) are shown, the rest is hidden until revealed. Tool calls are
 * always shown where they are.
 */
export function splitForDisplay(parts: readonly MessagePart[], maxChars: number): DisplayPlan {
  let room = maxChars;
  let total = 0;
  let hiddenChars = 0;
  const views = parts.map((part): PartView => {
    if (part.type !== "text") return { part, shown: "", hidden: "" };
    total += part.text.length;
    const cut = cutPoint(part.text, room);
    // After a cut, nothing more is shown: the rest of the message waits behind the button.
    room = cut < part.text.length ? 0 : room - cut;
    hiddenChars += part.text.length - cut;
    return { part, shown: part.text.slice(0, cut), hidden: part.text.slice(cut) };
  });
  return { parts: views, total, hiddenChars };
}
