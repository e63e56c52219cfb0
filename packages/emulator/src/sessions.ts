/** One data frame as the emulator saw it. */
export interface TranscriptEntry {
  /** The connection that carried it. */
  connectionId: number;
  /** Emulator clock (epoch ms). */
  at: number;
  /** A text frame as a string, a binary frame as bytes. */
  data: string | Uint8Array;
}

/**
 * What the emulator keeps per runtime session id, across reconnects (the runtime's session
 * affinity): agent state and a transcript of every frame in both directions.
 */
export interface EmulatorSession {
  readonly id: string;
  /** The runtime ARN of the first connection of the session. */
  readonly runtimeArn: string;
  readonly qualifier: string | undefined;
  /** Free-form state for agents; it survives reconnects with the same session id. */
  readonly state: Record<string, unknown>;
  /** Frames received from clients, in order. Each frame the client sent appears once. */
  readonly received: TranscriptEntry[];
  /** Frames sent to clients, in order. */
  readonly sent: TranscriptEntry[];
  /** How many connections were accepted for the session. */
  connections: number;
  /** How many of them are open now. */
  openSockets: number;
}

/** The sessions of one emulator, by session id. */
export class SessionStore {
  readonly #sessions = new Map<string, EmulatorSession>();

  get map(): ReadonlyMap<string, EmulatorSession> {
    return this.#sessions;
  }

  /** The session with this id, created on first use. */
  open(id: string, runtimeArn: string, qualifier: string | undefined): EmulatorSession {
    let session = this.#sessions.get(id);
    if (!session) {
      session = {
        id,
        runtimeArn,
        qualifier,
        state: {},
        received: [],
        sent: [],
        connections: 0,
        openSockets: 0,
      };
      this.#sessions.set(id, session);
    }
    return session;
  }

  clear(): void {
    this.#sessions.clear();
  }
}

/** A JSON-friendly summary of a session (binary frames as base64). */
export function sessionSummary(
  session: EmulatorSession,
  withTranscript: boolean,
): Record<string, unknown> {
  const summary: Record<string, unknown> = {
    id: session.id,
    runtimeArn: session.runtimeArn,
    qualifier: session.qualifier ?? null,
    connections: session.connections,
    openSockets: session.openSockets,
    receivedCount: session.received.length,
    sentCount: session.sent.length,
  };
  if (withTranscript) {
    const entry = (item: TranscriptEntry) => ({
      connectionId: item.connectionId,
      at: item.at,
      ...(typeof item.data === "string"
        ? { text: item.data }
        : { base64: Buffer.from(item.data).toString("base64") }),
    });
    summary["received"] = session.received.map(entry);
    summary["sent"] = session.sent.map(entry);
  }
  return summary;
}
