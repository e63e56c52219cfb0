import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";

/** Credentials a test signed with. */
export interface TestCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** What a verified URL says about itself. */
export interface VerifiedUrl {
  url: URL;
  /** Every query parameter, decoded. */
  params: Record<string, string>;
  signedAt: Date;
  expiresSeconds: number;
}

function amzDateToDate(value: string): Date {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) throw new Error(`X-Amz-Date is malformed: ${value}`);
  const [, y, mo, d, h, mi, s] = match.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

/**
 * Recomputes a presigned URL's SigV4 signature with `@smithy/signature-v4` directly, independent
 * of the library's signer: parses the URL, rebuilds the GET request it stands for (signed as
 * https, host without port, SignedHeaders=host), presigns it with the same date and lifetime,
 * and compares every `X-Amz-*` parameter. Throws on any mismatch.
 */
export async function verifyPresignedUrl(
  presigned: string,
  credentials: TestCredentials,
  region: string,
): Promise<VerifiedUrl> {
  const url = new URL(presigned);
  if (url.protocol !== "wss:" && url.protocol !== "ws:")
    throw new Error(`Not a WebSocket URL: ${url.protocol}`);
  const params: Record<string, string> = {};
  const unsigned: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    if (key in params) throw new Error(`Duplicate query parameter ${key}`);
    params[key] = value;
    if (!/^x-amz-/i.test(key)) unsigned[key] = value;
  }
  const amzDate = params["X-Amz-Date"];
  const expires = params["X-Amz-Expires"];
  const signature = params["X-Amz-Signature"];
  if (!amzDate || !expires || !signature) throw new Error("The URL is not presigned");
  const signedAt = amzDateToDate(amzDate);

  const signer = new SignatureV4({
    credentials,
    region,
    service: "bedrock-agentcore",
    sha256: Sha256,
    uriEscapePath: true,
    applyChecksum: false,
  });
  const expected = await signer.presign(
    {
      method: "GET",
      protocol: "https:",
      hostname: url.hostname,
      path: url.pathname,
      query: unsigned,
      headers: { host: url.hostname },
    },
    { signingDate: signedAt, expiresIn: Number(expires) },
  );
  for (const [key, value] of Object.entries(expected.query ?? {})) {
    if (!/^x-amz-/i.test(key)) continue;
    if (params[key] !== value) {
      throw new Error(`${key} does not match an independent SigV4 computation`);
    }
  }
  for (const key of Object.keys(params)) {
    if (/^x-amz-/i.test(key) && !(key in (expected.query ?? {})))
      throw new Error(`Unexpected ${key}`);
  }
  return { url, params, signedAt, expiresSeconds: Number(expires) };
}
