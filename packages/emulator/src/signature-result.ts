/** Why a SigV4 signature was refused. */
export type SignatureFailureCode =
  /** The URL, path, query or an auth parameter is malformed or missing. */
  | "malformed"
  /** No signature parameters at all. */
  | "missing-auth"
  /** An algorithm other than AWS4-HMAC-SHA256. */
  | "unsupported-algorithm"
  /** The access key is not one the verifier knows. */
  | "unknown-access-key"
  /** The credential scope names another region. */
  | "wrong-region"
  /** The credential scope names another service. */
  | "wrong-service"
  /** The URL points at another host than the one it must be signed for. */
  | "host-mismatch"
  /** The security token is missing, unexpected, or not the credentials' token. */
  | "security-token-mismatch"
  /** Signed headers other than the ones the scheme requires. */
  | "unsupported-signed-headers"
  /** `X-Amz-Expires` over the service's maximum. */
  | "expires-too-long"
  /** Past `X-Amz-Date` + `X-Amz-Expires` (or, for headers, older than the skew allows). */
  | "expired"
  /** Dated further in the future than the clock skew allowance. */
  | "not-yet-valid"
  /** The recomputed signature differs: the request was changed or signed with another key. */
  | "signature-mismatch";

/** A refused signature. `reason` is for people; it never contains the signature or secrets. */
export interface SignatureFailure {
  ok: false;
  code: SignatureFailureCode;
  reason: string;
}

/** What a valid signature tells about the request. */
export interface SignatureSuccess {
  ok: true;
  /** The runtime ARN from the path, decoded. */
  runtimeArn: string;
  /** The `qualifier` query parameter (the endpoint name), when present. */
  qualifier: string | undefined;
  /** The runtime session id the request carries, when it carries one. */
  sessionId: string | undefined;
  /** The access key that signed. */
  accessKeyId: string;
  /** The region of the credential scope. */
  region: string;
  /** Epoch ms of `X-Amz-Date`. */
  signedAt: number;
  /**
   * Epoch ms after which the signature is refused: `X-Amz-Date` + `X-Amz-Expires` for a
   * presigned URL; `X-Amz-Date` + the skew allowance for header signing.
   */
  expiresAt: number;
  /** The signed query parameters other than the `X-Amz-*` SigV4 ones, decoded, in URL order. */
  params: Record<string, string>;
}

/** The outcome of verifying a signature. */
export type SignatureVerification = SignatureSuccess | SignatureFailure;

/** A refusal with `code` and a reason for people (never a signature or a secret). */
export function fail(code: SignatureFailureCode, reason: string): SignatureFailure {
  return { ok: false, code, reason };
}
