import { toBase64Url, timingSafeEqual } from "./base64url";
import { PresignRefusal } from "./refusal";
import {
  importSessionKeys,
  sessionSecretBytes,
  type SessionKeys,
  type SessionSecret,
} from "./session-secrets";

export { MIN_SESSION_SECRET_BYTES, type SessionSecret } from "./session-secrets";

// <nonce>.<43-char base64url HMAC-SHA256>, 33-256 characters in all.
const BOUND_ID_PATTERN = /^([A-Za-z0-9_-]{1,212})\.([A-Za-z0-9_-]{43})$/;
const NONCE_DOMAIN = "agentcore-react session nonce\n";

/** True when `id` has the shape of a bound session id (whether or not its MAC is right). */
export function looksBound(id: string): boolean {
  return BOUND_ID_PATTERN.test(id);
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

async function mac(key: CryptoKey, principal: string, nonce: string): Promise<string> {
  const data = new TextEncoder().encode(`${principal}\n${nonce}`);
  return toBase64Url(new Uint8Array(await globalThis.crypto.subtle.sign("HMAC", key, data)));
}

/** The nonce a client's provisional id stands for: the same id always gives the same nonce. */
async function nonceOf(provisionalId: string): Promise<string> {
  const data = new TextEncoder().encode(NONCE_DOMAIN + provisionalId);
  return toBase64Url(new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", data)));
}

/**
 * Creates a binder. The first secret signs new ids; all of them verify, so a secret can be
 * rotated by putting the new one first. Without secrets a random one is made, which lives
 * as long as this process.
 *
 * @throws {AgentRuntimeValidationError} for an unusable `sessionSecret` (see
 *   `sessionSecretBytes`).
 */
export function createSessionBinder(
  secrets: SessionSecret | readonly SessionSecret[] | undefined,
): SessionBinder {
  const raw = sessionSecretBytes(secrets);
  let keys: Promise<SessionKeys> | undefined;
  const getKeys = () => (keys ??= importSessionKeys(raw));

  const bind = async (principal: string, nonce: string) =>
    `${nonce}.${await mac((await getKeys()).signing, principal, nonce)}`;

  return {
    async resolve(requestedId, principal) {
      if (requestedId === undefined) {
        return bind(principal, toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(32))));
      }
      const [, nonce, given] = BOUND_ID_PATTERN.exec(requestedId) ?? [];
      if (nonce === undefined || given === undefined) {
        return bind(principal, await nonceOf(requestedId));
      }
      for (const key of (await getKeys()).verifying) {
        if (timingSafeEqual(await mac(key, principal, nonce), given)) return requestedId;
      }
      throw new PresignRefusal(403, "session-forbidden", "This session belongs to someone else");
    },
  };
}
