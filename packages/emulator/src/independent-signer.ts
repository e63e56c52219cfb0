import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import { SIGNING_SERVICE } from "./sigv4-fields";

/**
 * A smithy signer set up the way the service verifies: the verifiers recompute signatures with
 * it, never with the library's own signing code, so they check that code instead of agreeing
 * with it.
 */
export function independentSigner(
  credentials: { accessKeyId: string; secretAccessKey: string },
  sessionToken: string | undefined,
  region: string,
): SignatureV4 {
  return new SignatureV4({
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken,
    },
    region,
    service: SIGNING_SERVICE,
    sha256: Sha256,
    uriEscapePath: true,
    applyChecksum: false,
  });
}
