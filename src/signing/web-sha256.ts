import type * as Sha256Js from "@aws-crypto/sha256-js";

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

/**
 * Web Crypto where it is the better choice: browsers in a secure context and workers. Node
 * (whose Web Crypto runs each call as a thread-pool job, several times slower for the small
 * inputs of SigV4) and pages served over plain HTTP (no `crypto.subtle`) use sha256-js.
 */
function subtleCrypto(): SubtleCrypto | undefined {
  if (typeof process === "object" && typeof process.versions?.node === "string") return undefined;
  // Typed as always present, but missing on plain-HTTP pages and some embedded runtimes.
  const crypto: Crypto | undefined = globalThis.crypto;
  return crypto?.subtle;
}

/** HMAC keys imported lately, by their bytes: SigV4 derives the same few keys on every signing. */
const keys = new Map<string, Promise<CryptoKey>>();
const KEYS_KEPT = 16;

function hmacKey(subtle: SubtleCrypto, secret: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const id = String.fromCharCode(...secret);
  let key = keys.get(id);
  if (!key) {
    // Web Crypto refuses an empty key; HMAC pads a key with zeros to the block, so 64 zeros match.
    const raw = secret.length > 0 ? secret : new Uint8Array(64);
    key = subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    keys.set(id, key);
    key.catch(() => keys.delete(id));
    for (const oldest of keys.keys()) {
      if (keys.size <= KEYS_KEPT) break;
      keys.delete(oldest);
    }
  }
  return key;
}

/** SHA-256, or HMAC-SHA-256 with a secret, of `data` through Web Crypto. */
async function webDigest(
  subtle: SubtleCrypto,
  data: Uint8Array<ArrayBuffer>,
  secret?: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array> {
  if (!secret) return new Uint8Array(await subtle.digest("SHA-256", data));
  return new Uint8Array(await subtle.sign("HMAC", await hmacKey(subtle, secret), data));
}

let sha256js: Promise<typeof Sha256Js> | undefined;

/** The same digest through the pure-JS implementation, imported on first use. */
async function jsDigest(data: Uint8Array, secret?: Uint8Array): Promise<Uint8Array> {
  sha256js ??= import("@aws-crypto/sha256-js");
  const hash = new (await sha256js).Sha256(secret);
  hash.update(data);
  return hash.digest();
}

/**
 * SHA-256, or HMAC-SHA-256 with a secret, for smithy's signer (its `Checksum` interface),
 * computed by the browser's Web Crypto instead of a bundled implementation. Where Web Crypto is
 * missing or slow (see {@link subtleCrypto}), `@aws-crypto/sha256-js` is imported on the first
 * digest and computes the same bytes.
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
