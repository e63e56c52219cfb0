import {
  SignatureV4Base,
  createScope,
  getCanonicalHeaders,
  getSigningKey,
} from "@smithy/signature-v4";
import type { AwsCredentials } from "./credentials";
import { WebCryptoSha256 } from "./web-sha256";

/** The SigV4 signing name of the AgentCore data plane. */
export const SIGNING_SERVICE = "bedrock-agentcore";

const ALGORITHM = "AWS4-HMAC-SHA256";
/** SHA-256 of an empty body: what smithy signs for a request without one. */
const EMPTY_PAYLOAD_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

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

const toHex = (bytes: Uint8Array): string =>
  Array.from(bytes, (byte) => (byte + 256).toString(16).slice(1)).join("");

/**
 * smithy's SigV4 (canonical request, string to sign, derived keys) for the two requests this
 * library signs, without the event-stream signing its `SignatureV4` class also carries.
 */
class RequestSigner extends SignatureV4Base {
  readonly request: SigningRequest;
  readonly longDate: string;
  readonly scope: string;

  constructor(request: SigningRequest) {
    super({
      credentials: request.credentials,
      region: request.region,
      service: SIGNING_SERVICE,
      sha256: WebCryptoSha256,
      uriEscapePath: true,
      applyChecksum: false,
    });
    this.validateResolvedCredentials(request.credentials);
    this.request = request;
    const { longDate, shortDate } = this.formatDate(request.signingDate);
    this.longDate = longDate;
    this.scope = createScope(shortDate, request.region, SIGNING_SERVICE);
  }

  /** `X-Amz-Credential`, and the credential of the `Authorization` header. */
  get credential(): string {
    return `${this.request.credentials.accessKeyId}/${this.scope}`;
  }

  /** The GET to sign, with these query parameters and headers, and its signed headers. */
  httpRequest(query: Record<string, string>, headers: Record<string, string>) {
    const { host, path } = this.request;
    const request = { method: "GET", protocol: "https:", hostname: host, path, query, headers };
    const canonicalHeaders = getCanonicalHeaders(request);
    return {
      request,
      canonicalHeaders,
      signedHeaders: this.getCanonicalHeaderList(canonicalHeaders),
    };
  }

  /** The signature of the request as `httpRequest` made it (with its query as it is now). */
  async sign({ request, canonicalHeaders }: ReturnType<RequestSigner["httpRequest"]>) {
    const { credentials, region, signingDate } = this.request;
    const canonicalRequest = this.createCanonicalRequest(
      request,
      canonicalHeaders,
      EMPTY_PAYLOAD_HASH,
    );
    const { shortDate } = this.formatDate(signingDate);
    const key = getSigningKey(WebCryptoSha256, credentials, shortDate, region, SIGNING_SERVICE);
    const stringToSign = await this.createStringToSign(
      this.longDate,
      this.scope,
      canonicalRequest,
      ALGORITHM,
    );
    const hash = new WebCryptoSha256(await key);
    hash.update(new TextEncoder().encode(stringToSign));
    return { signature: toHex(await hash.digest()), canonicalRequest };
  }
}

/** The result of query-string signing: the SigV4 parameters in wire order. */
export interface PresignResult {
  authParams: Array<[string, string]>;
  canonicalRequest: string;
}

/**
 * SigV4 query authentication, as botocore's `SigV4QueryAuth` does it (SignedHeaders=host), in
 * the steps of smithy's `SignatureV4.presign`.
 */
export async function presignQuery(
  request: SigningRequest & { expiresIn: number },
): Promise<PresignResult> {
  const signer = new RequestSigner(request);
  const { sessionToken } = request.credentials;
  const query: Record<string, string> = Object.fromEntries(request.query);
  // botocore's order of the SigV4 query parameters; the signature always comes last.
  const auth: Array<[string, string]> = [
    ["X-Amz-Algorithm", ALGORITHM],
    ["X-Amz-Credential", signer.credential],
    ["X-Amz-Date", signer.longDate],
    ["X-Amz-Expires", String(request.expiresIn)],
  ];
  const toSign = signer.httpRequest(query, { host: request.host });
  auth.push(["X-Amz-SignedHeaders", toSign.signedHeaders]);
  if (sessionToken) auth.push(["X-Amz-Security-Token", sessionToken]);
  for (const [name, value] of auth) query[name] = value;
  const { signature, canonicalRequest } = await signer.sign(toSign);
  return { authParams: [...auth, ["X-Amz-Signature", signature]], canonicalRequest };
}

/** The result of header signing. */
export interface HeaderSignResult {
  amzDate: string;
  authorization: string;
  canonicalRequest: string;
}

/**
 * SigV4 header authentication, as botocore's `SigV4Auth` does it
 * (host;x-amz-date[;x-amz-security-token]), in the steps of smithy's `SignatureV4.signRequest`.
 */
export async function signHeaders(request: SigningRequest): Promise<HeaderSignResult> {
  const signer = new RequestSigner(request);
  const { sessionToken } = request.credentials;
  const headers: Record<string, string> = { host: request.host, "x-amz-date": signer.longDate };
  if (sessionToken) headers["x-amz-security-token"] = sessionToken;
  const toSign = signer.httpRequest(Object.fromEntries(request.query), headers);
  const { signature, canonicalRequest } = await signer.sign(toSign);
  return {
    amzDate: signer.longDate,
    authorization: `${ALGORITHM} Credential=${signer.credential}, SignedHeaders=${toSign.signedHeaders}, Signature=${signature}`,
    canonicalRequest,
  };
}
