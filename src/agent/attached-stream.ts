import { readClientFrame } from "./client-frames";
import type { DeliverySession } from "./delivery-session";
import type { PacedStream } from "./paced-stream";
import type { DeliveredMessage, StreamHandlers } from "./stream-handlers";

/** Close code for a frame that breaks the protocol (a binary one too: its frames are text). */
export const PROTOCOL_ERROR = 1002;

function report(handlers: StreamHandlers, error: unknown, message: DeliveredMessage): void {
  if (handlers.onError) handlers.onError(error, message);
  else console.error("acr-delivery: onMessage failed", error);
}

function handOver(handlers: StreamHandlers, payload: string, message: DeliveredMessage): void {
  try {
    const result: unknown = handlers.onMessage(payload, message);
    if (result instanceof Promise) result.catch((error) => report(handlers, error, message));
  } catch (error) {
    report(handlers, error, message);
  }
}

/**
 * Reads the frames of one stream of `session`: `@resume` first (anything before it closes the
 * stream with 1002), then `@msg` and `@ack`. A frame it cannot read also closes with 1002.
 */
export function streamReader(
  session: DeliverySession,
  stream: PacedStream,
  handlers: StreamHandlers,
): (text: string) => void {
  let resumed = false;
  const fail = (reason: string) => {
    stream.close(PROTOCOL_ERROR, reason.slice(0, 120));
    session.detach(stream);
  };
  return (text) => {
    if (stream.closed) return;
    const frame = readClientFrame(text);
    if (frame.type === "unreadable") return fail(frame.reason);
    if (frame.type === "resume") {
      if (resumed) return fail("@resume came twice on one stream");
      resumed = true;
      return session.resume(stream, frame.epoch, frame.seq);
    }
    if (!resumed) return fail("the first frame must be @resume");
    if (frame.type === "ack") return session.acknowledged(frame.seq);
    stream.send(`@got ${frame.id}`);
    if (session.accept(frame.id)) handOver(handlers, frame.payload, { id: frame.id, session });
  };
}
