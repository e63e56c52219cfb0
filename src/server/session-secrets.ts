import { AgentRuntimeValidationError } from "../core/errors";
import { invalidOption } from "../core/option-checks";

/** A key for binding session ids: a string (UTF-8) or bytes, at least 32 bytes long. */
export type SessionSecret = string | Uint8Array;

/** Fewest bytes a session secret must have. */
export const MIN_SESSION_SECRET_BYTES = 32;

/** The HMAC keys of bound session ids: the first signs new ids, all of them verify. */
export interface SessionKeys {
  signing: CryptoKey;
  verifying: CryptoKey[];
}

/** Raw secrets, the signing one first. */
export type SecretBytes = [Uint8Array<ArrayBuffer>, ...Array<Uint8Array<ArrayBuffer>>];

function isSecretList(
  secrets: SessionSecret | readonly SessionSecret[],
): secrets is readonly SessionSecret[] {
  return Array.isArray(secrets);
}

function secretBytes(secret: unknown): Uint8Array<ArrayBuffer> {
  const given: unknown = typeof secret === "string" ? new TextEncoder().encode(secret) : secret;
  if (!(given instanceof Uint8Array)) {
    throw invalidOption(
      "sessionSecret",
      `a string or a Uint8Array of at least ${MIN_SESSION_SECRET_BYTES} bytes`,
      secret,
    );
  }
  if (given.byteLength < MIN_SESSION_SECRET_BYTES) {
    throw new AgentRuntimeValidationError(
      `sessionSecret must be at least ${MIN_SESSION_SECRET_BYTES} bytes, e.g. 32 random bytes or a 64-character hex string (got ${given.byteLength} bytes)`,
    );
  }
  // A copy: later changes to the caller's array must not change the key.
  return new Uint8Array(given);
}

/**
 * Checks the `sessionSecret` option and copies its bytes: one secret or a non-empty list, each
 * a string or bytes of at least {@link MIN_SESSION_SECRET_BYTES}. `undefined` gives a random
 * secret, which lives as long as this process.
 *
 * @throws {AgentRuntimeValidationError} for an empty list, a secret of another kind, or one
 *   that is too short. Messages tell the kind or length, never the secret.
 */
export function sessionSecretBytes(
  secrets: SessionSecret | readonly SessionSecret[] | undefined,
): SecretBytes {
  if (secrets === undefined) {
    return [globalThis.crypto.getRandomValues(new Uint8Array(MIN_SESSION_SECRET_BYTES))];
  }
  if (!isSecretList(secrets)) return [secretBytes(secrets)];
  const [first, ...rest] = secrets.map(secretBytes);
  if (first === undefined) {
    throw invalidOption("sessionSecret", "a secret or a non-empty list of secrets", secrets);
  }
  return [first, ...rest];
}

function importHmacKey(bytes: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey(
    "raw",
    bytes,
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
}

/** Imports the secrets as HMAC-SHA256 keys. */
export async function importSessionKeys([first, ...rest]: SecretBytes): Promise<SessionKeys> {
  const [signing, others] = await Promise.all([
    importHmacKey(first),
    Promise.all(rest.map(importHmacKey)),
  ]);
  return { signing, verifying: [signing, ...others] };
}
