/**
 * A message whose encoded frame is larger than the connection accepts (`maxFrameBytes`,
 * counted in UTF-8 bytes), or that the agent runtime refused as too big (close code 1009).
 */
export class AgentRuntimeFrameTooLargeError extends Error {
  override readonly name: string = "AgentRuntimeFrameTooLargeError";
  /** Size of the encoded frame in UTF-8 bytes. */
  readonly bytes: number;
  /** The limit it broke, when known (`undefined` when the runtime refused it with 1009). */
  readonly limit: number | undefined;

  constructor(bytes: number, limit: number | undefined) {
    super(
      limit === undefined
        ? `The agent runtime refused a ${bytes}-byte frame as too big (close code 1009)`
        : `Frame is ${bytes} bytes (UTF-8); the limit is ${limit} bytes`,
    );
    this.bytes = bytes;
    this.limit = limit;
  }
}

/** `send()` was called while the outbox already holds `maxQueuedMessages` queued messages. */
export class AgentRuntimeOutboxFullError extends Error {
  override readonly name: string = "AgentRuntimeOutboxFullError";
  /** How many queued messages the outbox holds at most. */
  readonly limit: number;

  constructor(limit: number) {
    super(`The outbox already holds ${limit} queued messages; wait until the connection is open`);
    this.limit = limit;
  }
}

/** `retry()` or `dismiss()` named an id the outbox does not hold. */
export class AgentRuntimeUnknownMessageError extends Error {
  override readonly name: string = "AgentRuntimeUnknownMessageError";
  readonly id: string;

  constructor(id: string) {
    super(`No outbox entry has the id ${JSON.stringify(id)}`);
    this.id = id;
  }
}

/** The socket closed (or could not open). Kept in the snapshot's `error` while reconnecting. */
export class AgentRuntimeSocketClosedError extends Error {
  override readonly name: string = "AgentRuntimeSocketClosedError";
  /** The WebSocket close code (1006 when the upgrade was refused or the network dropped). */
  readonly code: number;
  /** The close reason the peer gave, possibly empty. */
  readonly reason: string;

  constructor(code: number, reason: string, message: string) {
    super(message);
    this.code = code;
    this.reason = reason;
  }
}
