import { SignatureV4 } from "@smithy/signature-v4";
import type { AwsCredentials } from "./credentials";
import { WebCryptoSha256 } from "./web-sha256";

/** The SigV4 signing name of the AgentCore data plane. */
export const SIGNING_SERVICE = "bedrock-agentcore";

/** botocore's order of the SigV4 query parameters; the signature always comes last. */
const AUTH_QUERY_ORDER = [
  "X-Amz-Algorithm",
  "X-Amz-Credential",
  "X-Amz-Date",
  "X-Amz-Expires",
  "X-Amz-SignedHeaders",
  "X-Amz-Security-Token",
  "X-Amz-Signature",
] as const;

/** A smithy signer that also reports the canonical request it signed (for diagnostics). */
class RecordingSigner extends SignatureV4 {
  canonicalRequest = "";

  protected override createCanonicalRequest(
    ...args: Parameters<SignatureV4["createCanonicalRequest"]>
  ): string {
    this.canonicalRequest = super.createCanonicalRequest(...args);
    return this.canonicalRequest;
  }
}

/** What to sign: one GET of the runtime's WebSocket path. */
export interface SigningRequest {
  credentials: AwsCredentials;
  region: string;
  /** The value of the signed `host` header. */
  host: string;
  path: string;
  /** Decoded query parameters that the signature must cover. */
  query: ReadonlyArray<readonly [string, string]>;
  signingDate: Date;
}

function signer(request: SigningRequest): RecordingSigner {
  return new RecordingSigner({
    credentials: request.credentials,
    region: request.region,
    service: SIGNING_SERVICE,
    sha256: WebCryptoSha256,
    uriEscapePath: true,
    applyChecksum: false,
  });
}

function httpRequest(request: SigningRequest) {
  return {
    method: "GET",
    protocol: "https:",
    hostname: request.host,
    path: request.path,
    query: Object.fromEntries(request.query),
    headers: { host: request.host },
  };
}

/** The result of query-string signing: the SigV4 parameters in wire order. */
export interface PresignResult {
  authParams: Array<[string, string]>;
  canonicalRequest: string;
}

/** SigV4 query authentication, as botocore's `SigV4QueryAuth` does it (SignedHeaders=host). */
export async function presignQuery(
  request: SigningRequest & { expiresIn: number },
): Promise<PresignResult> {
  const sigv4 = signer(request);
  const signed = await sigv4.presign(httpRequest(request), {
    expiresIn: request.expiresIn,
    signingDate: request.signingDate,
  });
  const authParams: Array<[string, string]> = [];
  for (const name of AUTH_QUERY_ORDER) {
    const value = signed.query?.[name];
    if (typeof value === "string") authParams.push([name, value]);
  }
  return { authParams, canonicalRequest: sigv4.canonicalRequest };
}

/** The result of header signing. */
export interface HeaderSignResult {
  amzDate: string;
  authorization: string;
  canonicalRequest: string;
}

/** SigV4 header authentication, as botocore's `SigV4Auth` does it (host;x-amz-date[;x-amz-security-token]). */
export async function signHeaders(request: SigningRequest): Promise<HeaderSignResult> {
  const sigv4 = signer(request);
  const signed = await sigv4.sign(httpRequest(request), { signingDate: request.signingDate });
  return {
    amzDate: String(signed.headers["x-amz-date"]),
    authorization: String(signed.headers["authorization"]),
    canonicalRequest: sigv4.canonicalRequest,
  };
}
