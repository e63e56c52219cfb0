import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import type { AwsCredentials } from "../signing/credentials";

/** What one presigned S3 `PUT` covers. */
export interface S3PutRequest {
  credentials: AwsCredentials;
  region: string;
  bucket: string;
  /** The object key; each `/`-separated segment is URI-encoded once, as S3 expects. */
  key: string;
  /** Signed: the upload must send exactly this `Content-Type`. */
  contentType: string;
  /** Signed: the upload must send exactly this many bytes. */
  contentLength: number;
  expiresIn: number;
  signingDate: Date;
  /**
   * An S3-compatible origin (`http://127.0.0.1:4569`), addressed path-style; default: the
   * bucket's virtual-hosted AWS origin, `https://<bucket>.s3.<region>.amazonaws.com`.
   */
  endpoint?: string;
}

/** Where the object lives: the origin to PUT to and the URL path of the key. */
export function objectLocation(
  request: Pick<S3PutRequest, "bucket" | "key" | "region" | "endpoint">,
) {
  const keyPath = request.key.split("/").map(encodeURIComponent).join("/");
  if (request.endpoint === undefined) {
    const origin = new URL(`https://${request.bucket}.s3.${request.region}.amazonaws.com`);
    return { origin, path: `/${keyPath}` };
  }
  const origin = new URL(request.endpoint);
  const base = origin.pathname.replace(/\/+$/, "");
  return { origin, path: `${base}/${encodeURIComponent(request.bucket)}/${keyPath}` };
}

/**
 * A SigV4 query-signed `PUT` URL for one S3 object, made with `@smithy/signature-v4` alone (no
 * S3 client). It signs `host`, `content-type` and `content-length`, so S3 refuses an upload
 * of another type or size; the payload is `UNSIGNED-PAYLOAD`, as S3 presigned URLs have it.
 */
export async function presignS3Put(request: S3PutRequest): Promise<string> {
  const { origin, path } = objectLocation(request);
  const signer = new SignatureV4({
    credentials: request.credentials,
    region: request.region,
    service: "s3",
    sha256: Sha256,
    // S3 keys are encoded once (above), never twice.
    uriEscapePath: false,
    applyChecksum: false,
  });
  const signed = await signer.presign(
    {
      method: "PUT",
      protocol: origin.protocol,
      hostname: origin.hostname,
      port: origin.port === "" ? undefined : Number(origin.port),
      path,
      query: {},
      headers: {
        host: origin.host,
        "content-type": request.contentType,
        "content-length": String(request.contentLength),
        // Hoisted into the query as S3's SDK does: the body is not part of the signature.
        "X-Amz-Content-Sha256": "UNSIGNED-PAYLOAD",
      },
    },
    { expiresIn: request.expiresIn, signingDate: request.signingDate },
  );
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(signed.query ?? {})) {
    if (typeof value === "string") query.append(name, value);
  }
  return `${origin.origin}${path}?${query.toString()}`;
}
