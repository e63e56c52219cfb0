import type { DeliverySession } from "./delivery-session";

/** What a message comes with: its id, and the session to answer through. */
export interface DeliveredMessage {
  /** The message id the client gave it (unique within the session). */
  readonly id: string;
  /** The session the message came on: `session.send()` answers. */
  readonly session: DeliverySession;
}

/** What the application does with the streams it attaches. */
export interface StreamHandlers {
  /**
   * A new message, handed over once per id however often the client sends it. May return a
   * promise; a throw or a rejection goes to `onError`.
   */
  onMessage(payload: string, message: DeliveredMessage): unknown;
  /**
   * What `onMessage` threw or rejected with. Default: `console.error`. The stream stays open.
   */
  onError?(error: unknown, message: DeliveredMessage): void;
}
