import { toBase64Url, timingSafeEqual } from "./base64url";
import { PresignRefusal } from "./refusal";

/** A key for binding session ids: a string (UTF-8) or bytes, at least 32 bytes long. */
export type SessionSecret = string | Uint8Array;

/** Fewest bytes a session secret must have. */
export const MIN_SESSION_SECRET_BYTES = 32;

// <nonce>.<43-char base64url HMAC-SHA256>, 33-256 characters in all.
const BOUND_ID_PATTERN = /^([A-Za-z0-9_-]{1,212})\.([A-Za-z0-9_-]{43})$/;
const NONCE_DOMAIN = "agentcore-react session nonce\n";

/** True when `id` has the shape of a bound session id (whether or not its MAC is right). */
export function looksBound(id: string): boolean {
  return BOUND_ID_PATTERN.test(id);
}

function secretBytes(secret: SessionSecret): Uint8Array<ArrayBuffer> {
  const given: unknown = typeof secret === "string" ? new TextEncoder().encode(secret) : secret;
  if (!(given instanceof Uint8Array) || given.byteLength < MIN_SESSION_SECRET_BYTES) {
    throw new TypeError(
      `sessionSecret must be at least ${MIN_SESSION_SECRET_BYTES} bytes (e.g. 32 random bytes, or a 64-character hex string)`,
    );
  }
  // A copy: later changes to the caller's array must not change the key.
  return new Uint8Array(given);
}

/**
 * Binds runtime session ids to principals, statelessly: a bound id is
 * `<nonce>.<base64url HMAC-SHA256(secret, principal + "\n" + nonce)>`.
 */
export interface SessionBinder {
  /**
   * The id to sign for `principal`: a valid bound id of this principal as is (resume); a
   * client's provisional id turned deterministically into a bound one; a fresh one when none
   * is given. Throws a 403 refusal for a bound id of another principal.
   */
  resolve(requestedId: string | undefined, principal: string): Promise<string>;
}

/**
 * Creates a binder. The first secret signs new ids; all of them verify, so a secret can be
 * rotated by putting the new one first. Without secrets a random one is made, which lives
 * as long as this process.
 */
export function createSessionBinder(
  secrets: SessionSecret | readonly SessionSecret[] | undefined,
): SessionBinder {
  const list =
    secrets === undefined ? [] : Array.isArray(secrets) ? secrets : [secrets as SessionSecret];
  const raw =
    list.length > 0
      ? list.map(secretBytes)
      : [globalThis.crypto.getRandomValues(new Uint8Array(MIN_SESSION_SECRET_BYTES))];
  let keys: Promise<CryptoKey[]> | undefined;
  const getKeys = () =>
    (keys ??= Promise.all(
      raw.map((bytes) =>
        globalThis.crypto.subtle.importKey("raw", bytes, { name: "HMAC", hash: "SHA-256" }, false, [
          "sign",
        ]),
      ),
    ));

  const mac = async (key: CryptoKey, principal: string, nonce: string) =>
    toBase64Url(
      new Uint8Array(
        await globalThis.crypto.subtle.sign(
          "HMAC",
          key,
          new TextEncoder().encode(`${principal}\n${nonce}`),
        ),
      ),
    );

  const bind = async (principal: string, nonce: string) => {
    const [current] = await getKeys();
    return `${nonce}.${await mac(current as CryptoKey, principal, nonce)}`;
  };

  return {
    async resolve(requestedId, principal) {
      if (requestedId === undefined) {
        return bind(principal, toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(32))));
      }
      const match = BOUND_ID_PATTERN.exec(requestedId);
      if (match) {
        const [, nonce, given] = match as unknown as [string, string, string];
        for (const key of await getKeys()) {
          if (timingSafeEqual(await mac(key, principal, nonce), given)) return requestedId;
        }
        throw new PresignRefusal(403, "session-forbidden", "This session belongs to someone else");
      }
      const digest = await globalThis.crypto.subtle.digest(
        "SHA-256",
        new TextEncoder().encode(NONCE_DOMAIN + requestedId),
      );
      return bind(principal, toBase64Url(new Uint8Array(digest)));
    },
  };
}
