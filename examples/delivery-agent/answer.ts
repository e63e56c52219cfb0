import { setTimeout as delay } from "node:timers/promises";
import type { DeliverySession } from "agentcore-react/agent";

/** What one answer needs: where to send, how fast, and when to stop. */
export interface AnswerPace {
  /** Pause before each piece, in ms. */
  pieceMs: number;
  /** Aborted when the container stops. */
  signal: AbortSignal;
}

/** The answer to the session's `turn`-th question: long enough to drop the connection mid-way. */
export function deliveryReply(input: string, turn: number): string {
  return (
    `Turn ${turn} of this session. You said: "${input}". ` +
    "This agent speaks the delivery protocol, so nothing I send is lost or sent twice. " +
    "I answer a few words at a time, slowly, so you have time to try it: press Drop " +
    "connection in the panel while I am still typing. The stream dies without a close " +
    "frame, but I keep writing into my replay buffer as if nothing happened. The page " +
    "reconnects on the same runtime session, tells me the last piece it has, and I send " +
    "everything after it. The answer carries on where it stopped, whole and in order, " +
    "with no gap and no repeated words. Without the delivery protocol the same drop ends " +
    "the answer as interrupted. Stop still works: it ends this answer for real."
  );
}

/** A piece of at most this many characters: far below the service's frame limit. */
const MAX_PIECE = 40;

/** Splits `text` into words (with their trailing space), long words cut to {@link MAX_PIECE}. */
export function pieces(text: string): string[] {
  const out: string[] = [];
  for (const word of text.match(/\S+\s*|\s+/g) ?? []) {
    const characters = Array.from(word); // never cut a surrogate pair
    for (let start = 0; start < characters.length; start += MAX_PIECE) {
      out.push(characters.slice(start, start + MAX_PIECE).join(""));
    }
  }
  return out;
}

/**
 * Streams `text` through the session as `{"text": piece}` frames (what `textCodec` reads),
 * then `{"type":"done"}`, or `{"type":"done","cancelled":true}` when `cancelled()` turns true.
 *
 * It never looks at the stream: `session.send` numbers and buffers every frame whether a
 * stream is attached or not, and the client's next stream replays what it missed.
 */
export async function streamAnswer(
  session: DeliverySession,
  text: string,
  pace: AnswerPace,
  cancelled: () => boolean,
): Promise<void> {
  for (const piece of pieces(text)) {
    try {
      await delay(pace.pieceMs, undefined, { signal: pace.signal });
    } catch {
      return; // the container is stopping
    }
    if (cancelled()) {
      session.send(JSON.stringify({ type: "done", cancelled: true }));
      return;
    }
    session.send(JSON.stringify({ text: piece }));
  }
  session.send(JSON.stringify({ type: "done" }));
}
