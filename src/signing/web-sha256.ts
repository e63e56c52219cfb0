/** What smithy hands a checksum: text, or bytes. */
type SourceData = string | ArrayBuffer | ArrayBufferView;

const encoder = new TextEncoder();

function toBytes(data: SourceData): Uint8Array {
  if (typeof data === "string") return encoder.encode(data);
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(chunks.reduce((length, chunk) => length + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Web Crypto where the platform has it: browsers in a secure context, Node, workers. */
function subtleCrypto(): SubtleCrypto | undefined {
  // Typed as always present, but missing on plain-HTTP pages and some embedded runtimes.
  const crypto: Crypto | undefined = globalThis.crypto;
  return crypto?.subtle;
}

/** SHA-256 and HMAC-SHA-256 of `data` through Web Crypto. */
async function webDigest(
  subtle: SubtleCrypto,
  data: Uint8Array<ArrayBuffer>,
  secret?: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array> {
  if (!secret) return new Uint8Array(await subtle.digest("SHA-256", data));
  const algorithm = { name: "HMAC", hash: "SHA-256" };
  // Web Crypto refuses an empty key; HMAC pads a key with zeros to the block, so 64 zeros match.
  const raw = secret.length > 0 ? secret : new Uint8Array(64);
  const key = await subtle.importKey("raw", raw, algorithm, false, ["sign"]);
  return new Uint8Array(await subtle.sign("HMAC", key, data));
}

/** The same digest through the pure-JS implementation, loaded only where Web Crypto is missing. */
async function jsDigest(data: Uint8Array, secret?: Uint8Array): Promise<Uint8Array> {
  const { Sha256 } = await import("@aws-crypto/sha256-js");
  const hash = new Sha256(secret);
  hash.update(data);
  return hash.digest();
}

/**
 * SHA-256, or HMAC-SHA-256 with a secret, for smithy's signer (its `Checksum` interface),
 * computed by the platform's Web Crypto instead of a bundled implementation. Where there is no
 * `crypto.subtle` (a page served over plain HTTP), `@aws-crypto/sha256-js` is imported on the
 * first digest and computes the same bytes.
 */
export class WebCryptoSha256 {
  readonly #secret: Uint8Array<ArrayBuffer> | undefined;
  #chunks: Uint8Array[] = [];

  constructor(secret?: SourceData) {
    // As in sha256-js: an empty string is no secret, empty bytes are an empty HMAC key.
    this.#secret = secret ? toBytes(secret).slice() : undefined;
  }

  update(chunk: Uint8Array): void {
    this.#chunks.push(chunk.slice());
  }

  digest(): Promise<Uint8Array> {
    const data = concat(this.#chunks);
    const subtle = subtleCrypto();
    return subtle ? webDigest(subtle, data, this.#secret) : jsDigest(data, this.#secret);
  }

  reset(): void {
    this.#chunks = [];
  }
}
