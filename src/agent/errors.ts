/**
 * A payload whose envelope (`<seq>:<payload>`) would be larger than the agent's
 * `maxFrameBytes`, counted in UTF-8 bytes. Nothing was sent or buffered and no sequence was
 * used: the application splits the payload, as it would without delivery.
 */
export class DeliveryFrameTooLargeError extends Error {
  override readonly name: string = "DeliveryFrameTooLargeError";
  /** Size of the envelope in UTF-8 bytes. */
  readonly bytes: number;
  /** The limit it broke (`maxFrameBytes`). */
  readonly limit: number;

  constructor(bytes: number, limit: number) {
    super(`The envelope would be ${bytes} bytes (UTF-8); maxFrameBytes is ${limit}`);
    this.bytes = bytes;
    this.limit = limit;
  }
}
