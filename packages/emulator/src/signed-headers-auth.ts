import { fail, type SignatureFailure } from "./signature-result";
import { SIGV4_ALGORITHM } from "./sigv4-fields";

/** `Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`. */
const AUTHORIZATION_PATTERN =
  /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([a-z0-9;_-]+),\s*Signature=([0-9a-f]{64})$/;

/** The three parts of a SigV4 `Authorization` header. */
export interface AuthorizationParts {
  ok: true;
  credential: string;
  /** The `SignedHeaders` list as written, e.g. `host;x-amz-date`. */
  signedHeaders: string;
  signature: string;
}

/**
 * Splits a SigV4 `Authorization` header: `missing-auth` without one, `unsupported-algorithm`
 * for another scheme, `malformed` when it is not `Credential=..., SignedHeaders=...,
 * Signature=...`.
 */
export function readAuthorization(
  authorization: string | undefined,
): AuthorizationParts | SignatureFailure {
  if (authorization === undefined) return fail("missing-auth", "no Authorization header");
  if (!authorization.startsWith(`${SIGV4_ALGORITHM} `)) {
    return fail("unsupported-algorithm", `the Authorization header is not ${SIGV4_ALGORITHM}`);
  }
  const match = AUTHORIZATION_PATTERN.exec(authorization);
  if (!match) {
    return fail(
      "malformed",
      "the Authorization header is not Credential=..., SignedHeaders=..., Signature=...",
    );
  }
  // The pattern guarantees all three groups.
  const [, credential = "", signedHeaders = "", signature = ""] = match;
  return { ok: true, credential, signedHeaders, signature };
}

/** Reads the `SignedHeaders` list: sorted, unique, and covering `host` and `x-amz-date`. */
export function readSignedHeaderNames(
  list: string,
): { ok: true; names: string[] } | SignatureFailure {
  const names = list.split(";");
  const sorted = [...names].sort();
  if (sorted.join(";") !== list || new Set(names).size !== names.length) {
    return fail("malformed", "SignedHeaders must be sorted and unique");
  }
  if (!names.includes("host") || !names.includes("x-amz-date")) {
    return fail("unsupported-signed-headers", "the signature must cover host and x-amz-date");
  }
  return { ok: true, names };
}

/**
 * The security token sent must be exactly the credentials' token (none for long-term
 * credentials), and signed.
 */
export function checkHeaderToken(
  token: string | undefined,
  expected: string | undefined,
  signedNames: readonly string[],
): SignatureFailure | undefined {
  if (token !== expected) {
    return fail("security-token-mismatch", "the security token does not match the credentials");
  }
  if (token !== undefined && !signedNames.includes("x-amz-security-token")) {
    return fail("unsupported-signed-headers", "the security token must be signed");
  }
  return undefined;
}

/** Reads a recomputed `Authorization` header the way {@link readAuthorization} reads one sent. */
export function recomputedAuthorization(value: string | undefined): AuthorizationParts | undefined {
  const parts = readAuthorization(value);
  return parts.ok ? parts : undefined;
}
