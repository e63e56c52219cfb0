import type { VoiceFraming } from "./voice-codec";
import type { VoiceTransport } from "./voice-transport";

/**
 * What one call puts on the socket, in the codec's framing: the opening frames before the
 * first audio frame on each new socket, the audio, the interrupt frame, the closing frames.
 */
export class CallSender {
  readonly #transport: VoiceTransport;
  readonly #framing: VoiceFraming;
  /** The socket the call was opened on (its opening frames sent), by the transport's count. */
  #openedOn: number | undefined;

  constructor(transport: VoiceTransport, framing: VoiceFraming) {
    this.#transport = transport;
    this.#framing = framing;
  }

  /** Sends a chunk, after the opening frames when the socket is new to the call; `false`: dropped. */
  audio(pcm: ArrayBuffer): boolean {
    const transport = this.#transport;
    const socket = transport.sockets ?? 0;
    if (this.#openedOn !== socket) {
      const opening = this.#framing.open();
      if (!opening.every((frame) => transport.send(frame))) return false;
      this.#openedOn = socket;
    }
    return transport.send(this.#framing.audio(pcm));
  }

  /** Tells the agent the user talked over it, where the protocol has a frame for that. */
  interrupt(): void {
    const frame = this.#framing.interrupt();
    if (frame !== undefined) this.#transport.send(frame);
  }

  /** The closing frames, only on the socket the call was opened on (not one opened since). */
  close(): void {
    if (this.#openedOn !== (this.#transport.sockets ?? 0)) return;
    for (const frame of this.#framing.close()) this.#transport.send(frame);
  }
}
