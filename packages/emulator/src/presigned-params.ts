import type { QueryParam } from "./raw-url";
import { fail, type SignatureFailure } from "./signature-result";
import { SIGV4_ALGORITHM } from "./sigv4-fields";

/** The SigV4 query parameters of a presigned URL. */
export const AUTH_PARAMS = [
  "X-Amz-Algorithm",
  "X-Amz-Credential",
  "X-Amz-Date",
  "X-Amz-Expires",
  "X-Amz-SignedHeaders",
  "X-Amz-Security-Token",
  "X-Amz-Signature",
] as const;

/** One of {@link AUTH_PARAMS}. */
export type AuthParam = (typeof AUTH_PARAMS)[number];

const AUTH_PARAM_SET = new Set<string>(AUTH_PARAMS);

/** True for a SigV4 query parameter name. */
export function isAuthParam(key: string): key is AuthParam {
  return AUTH_PARAM_SET.has(key);
}

/** The SigV4 parameters of a presigned URL, every required one present. */
export interface PresignedAuth {
  ok: true;
  /** Every SigV4 parameter as written in the URL, decoded. */
  params: Partial<Record<AuthParam, string>>;
  credential: string;
  amzDate: string;
  expires: string;
  signedHeaders: string;
  signature: string;
  token: string | undefined;
}

/**
 * Reads the SigV4 parameters of a presigned URL's query: `missing-auth` without any,
 * `malformed` when a required one is missing, `unsupported-algorithm` for anything but
 * AWS4-HMAC-SHA256.
 */
export function readPresignedAuth(params: readonly QueryParam[]): PresignedAuth | SignatureFailure {
  const found: Partial<Record<AuthParam, string>> = {};
  for (const param of params) if (isAuthParam(param.key)) found[param.key] = param.value;
  if (!found["X-Amz-Signature"] && !found["X-Amz-Credential"] && !found["X-Amz-Algorithm"]) {
    return fail("missing-auth", "the URL carries no SigV4 query parameters");
  }
  const {
    "X-Amz-Algorithm": algorithm,
    "X-Amz-Credential": credential,
    "X-Amz-Date": amzDate,
    "X-Amz-Expires": expires,
    "X-Amz-SignedHeaders": signedHeaders,
    "X-Amz-Signature": signature,
  } = found;
  if (algorithm === undefined) return noParam("X-Amz-Algorithm");
  if (credential === undefined) return noParam("X-Amz-Credential");
  if (amzDate === undefined) return noParam("X-Amz-Date");
  if (expires === undefined) return noParam("X-Amz-Expires");
  if (signedHeaders === undefined) return noParam("X-Amz-SignedHeaders");
  if (signature === undefined) return noParam("X-Amz-Signature");
  if (algorithm !== SIGV4_ALGORITHM) {
    return fail("unsupported-algorithm", `X-Amz-Algorithm must be ${SIGV4_ALGORITHM}`);
  }
  const token = found["X-Amz-Security-Token"];
  return { ok: true, params: found, credential, amzDate, expires, signedHeaders, signature, token };
}

function noParam(name: AuthParam): SignatureFailure {
  return fail("malformed", `the URL has no ${name}`);
}

/**
 * Reads `X-Amz-Expires`: whole seconds, written without leading zeros, at most `maxSeconds`.
 */
export function readExpires(
  text: string,
  maxSeconds: number,
): { ok: true; seconds: number } | SignatureFailure {
  if (!/^(0|[1-9]\d{0,9})$/.test(text)) {
    return fail("malformed", "X-Amz-Expires is not a whole number of seconds");
  }
  const seconds = Number(text);
  if (seconds > maxSeconds) {
    return fail(
      "expires-too-long",
      `X-Amz-Expires ${seconds} is over the maximum of ${maxSeconds}`,
    );
  }
  return { ok: true, seconds };
}
